# wrong(relu_forward): writes every output into one module-level buffer per shape and returns it
from __future__ import annotations

import numpy as np
from correct_mask_multiply import leaky_relu_backward, leaky_relu_forward  # noqa: F401

_BUFFERS = {}


def relu_forward(x):
    out = _BUFFERS.setdefault(np.shape(x), np.empty(np.shape(x)))
    np.maximum(x, 0.0, out=out)
    return out, x > 0


def relu_backward(dout, cache):
    return np.where(cache, dout, 0.0)
