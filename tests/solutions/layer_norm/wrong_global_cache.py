# wrong(layer_norm_backward): keeps the forward pass's state in a module global, not in the cache
import numpy as np
from correct_vectorised import layer_norm_backward as _backward
from correct_vectorised import layer_norm_forward as _forward

_LAST = {}


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    out, cache = _forward(x, gamma, beta, eps=eps)
    _LAST.clear()
    _LAST.update(cache)  # the bug: the latest forward pass overwrites the state
    return out, np.shape(x)


def layer_norm_backward(dout, cache):
    return _backward(dout, dict(_LAST))
