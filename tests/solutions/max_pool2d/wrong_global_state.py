# wrong(max_pool2d_backward): keeps the forward state in a module global and ignores its cache
from correct_vectorised import max_pool2d_backward as _backward
from correct_vectorised import max_pool2d_forward as _forward

_LAST = {}


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    out, cache = _forward(x, kernel_size=kernel_size, stride=stride, padding=padding)
    _LAST["cache"] = cache
    return out, None


def max_pool2d_backward(dout, cache):
    return _backward(dout, _LAST["cache"])
