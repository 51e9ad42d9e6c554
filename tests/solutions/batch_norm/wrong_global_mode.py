# wrong(batch_norm_backward): reads the mode of the latest forward pass from a module global
"""The cache holds everything but the mode: a training backward after an evaluation forward
(or the other way round) uses the wrong formula."""

from correct_vectorised import batch_norm_backward as _backward
from correct_vectorised import batch_norm_forward as _forward

_TRAINING = [True]


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    out, rm, rv, cache = _forward(
        x, gamma, beta, running_mean, running_var, training=training, momentum=momentum, eps=eps
    )
    _TRAINING[0] = training
    return out, rm, rv, {k: v for k, v in cache.items() if k != "training"}


def batch_norm_backward(dout, cache):
    return _backward(dout, {**cache, "training": _TRAINING[0]})
