# wrong(concat_backward): the gradients are returned last input first
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    return np.concatenate(xs, axis=axis), (axis, np.cumsum([x.shape[axis] for x in xs])[:-1])


def concat_backward(dout, cache):
    axis, offsets = cache
    return np.split(dout, offsets, axis=axis)[::-1]
