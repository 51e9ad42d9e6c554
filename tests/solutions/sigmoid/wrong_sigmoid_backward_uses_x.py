# wrong(sigmoid_backward): dout * x * (1 - x), the formula applied to the input, not the output
from __future__ import annotations

import numpy as np
from correct_logaddexp import tanh_backward, tanh_forward  # noqa: F401


def sigmoid_forward(x):
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z)), x.copy()


def sigmoid_backward(dout, cache):
    x = cache
    return dout * x * (1.0 - x)
