# wrong(relu_forward): clips x in place (np.maximum(x, 0, out=x)), destroying the caller's array
from __future__ import annotations

import numpy as np
from correct_mask_multiply import leaky_relu_backward, leaky_relu_forward  # noqa: F401


def relu_forward(x):
    np.maximum(x, 0.0, out=x)
    return x, x


def relu_backward(dout, cache):
    return np.where(cache > 0, dout, 0.0)
