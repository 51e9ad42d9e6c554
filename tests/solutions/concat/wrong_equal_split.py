# wrong(concat_backward): dout split into len(xs) equal parts, whatever the inputs' sizes
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    return np.concatenate(xs, axis=axis), (axis, len(xs))


def concat_backward(dout, cache):
    axis, count = cache
    return np.array_split(dout, count, axis=axis)
