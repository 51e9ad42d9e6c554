# wrong(relu_backward): passes the gradient where x >= 0, so the gradient at exactly 0 is 1, not 0
from __future__ import annotations

import numpy as np
from correct_mask_multiply import leaky_relu_backward, leaky_relu_forward  # noqa: F401


def relu_forward(x):
    return np.maximum(x, 0.0), x.copy()


def relu_backward(dout, cache):
    return dout * (cache >= 0)
