# wrong(relu_backward): returns the 0/1 mask, the local derivative, without multiplying by dout
from __future__ import annotations

import numpy as np
from correct_mask_multiply import leaky_relu_backward, leaky_relu_forward  # noqa: F401


def relu_forward(x):
    return np.maximum(x, 0.0), x.copy()


def relu_backward(dout, cache):
    return (cache > 0).astype(np.float64)
