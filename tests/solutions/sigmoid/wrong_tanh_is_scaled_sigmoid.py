# wrong(tanh_forward, tanh_backward): tanh(x) as 2 * sigmoid(x) - 1; the identity needs 2x
from __future__ import annotations

import numpy as np
from correct_logaddexp import sigmoid_backward, sigmoid_forward  # noqa: F401


def tanh_forward(x):
    z = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
    t = 2.0 * s - 1.0
    return t, t


def tanh_backward(dout, cache):
    return dout * (1.0 - cache**2)
