# wrong(batch_norm_backward): keeps the forward state in a module global and ignores its cache
from correct_vectorised import batch_norm_backward as _backward
from correct_vectorised import batch_norm_forward as _forward

_LAST = {}


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    out, rm, rv, cache = _forward(
        x, gamma, beta, running_mean, running_var, training=training, momentum=momentum, eps=eps
    )
    _LAST["cache"] = cache
    return out, rm, rv, None


def batch_norm_backward(dout, cache):
    return _backward(dout, _LAST["cache"])
