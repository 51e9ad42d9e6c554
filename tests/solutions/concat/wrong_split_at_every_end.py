# wrong(concat_backward): np.split at cumsum(sizes), every end included: one extra, empty gradient
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    return np.concatenate(xs, axis=axis), (axis, np.cumsum([x.shape[axis] for x in xs]))


def concat_backward(dout, cache):
    axis, ends = cache
    return np.split(dout, ends, axis=axis)
