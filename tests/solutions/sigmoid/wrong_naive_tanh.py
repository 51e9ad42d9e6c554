# wrong(tanh_forward): textbook (e^x - e^-x) / (e^x + e^-x), which overflows to inf / inf = nan
from __future__ import annotations

import numpy as np
from correct_logaddexp import sigmoid_backward, sigmoid_forward  # noqa: F401


def tanh_forward(x):
    t = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
    return t, t


def tanh_backward(dout, cache):
    return dout * (1.0 - cache**2)
