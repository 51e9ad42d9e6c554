# wrong(concat_backward): the gradient is always split along axis 0, not along the joining axis
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    return np.concatenate(xs, axis=axis), np.cumsum([x.shape[axis] for x in xs])[:-1]


def concat_backward(dout, cache):
    return np.split(dout, cache, axis=0)
