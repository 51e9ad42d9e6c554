# wrong(avg_pool2d_forward): memoises results and returns the same array object for equal inputs
from correct_integral_image import avg_pool2d_backward  # noqa: F401
from correct_integral_image import avg_pool2d_forward as _forward

_MEMO = {}


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    key = (x.shape, x.tobytes(), repr(kernel_size), repr(stride), repr(padding))
    if key not in _MEMO:
        _MEMO[key] = _forward(x, kernel_size=kernel_size, stride=stride, padding=padding)
    return _MEMO[key]
