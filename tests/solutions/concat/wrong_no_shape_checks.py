# wrong(concat_forward): fills its own output without checking shapes: sizes of 1 broadcast silently
from __future__ import annotations

import numpy as np
from correct_numpy import concat_backward  # noqa: F401


def concat_forward(xs, axis=1):
    if not xs:
        raise ValueError("nothing to concatenate")
    ndim = xs[0].ndim
    if not -ndim <= axis < ndim:
        raise ValueError("axis out of range")
    axis %= ndim
    sizes = [x.shape[axis] for x in xs]
    shape = list(xs[0].shape)
    shape[axis] = sum(sizes)
    out = np.empty(shape)
    start = 0
    for x, size in zip(xs, sizes):
        index = [slice(None)] * ndim
        index[axis] = slice(start, start + size)
        out[tuple(index)] = x
        start += size
    return out, (axis, np.cumsum(sizes)[:-1])
