# wrong(concat_forward): np.stack (a new axis) instead of joining along an existing axis
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    return np.stack(xs, axis=axis), (axis, len(xs))


def concat_backward(dout, cache):
    axis, count = cache
    return [np.take(dout, i, axis=axis) for i in range(count)]
