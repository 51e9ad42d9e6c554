# correct: np.concatenate (its own ValueErrors are the checks) and np.split at the offsets
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    out = np.concatenate(xs, axis=axis)
    offsets = np.cumsum([x.shape[axis] for x in xs])[:-1]
    return out, (axis, offsets)


def concat_backward(dout, cache):
    axis, offsets = cache
    return np.split(dout, offsets, axis=axis)
