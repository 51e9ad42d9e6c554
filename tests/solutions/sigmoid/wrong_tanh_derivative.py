# wrong(tanh_backward): dout * (1 - tanh) instead of dout * (1 - tanh**2)
from __future__ import annotations

import numpy as np
from correct_logaddexp import sigmoid_backward, sigmoid_forward  # noqa: F401


def tanh_forward(x):
    t = np.tanh(x)
    return t, t


def tanh_backward(dout, cache):
    return dout * (1.0 - cache)
