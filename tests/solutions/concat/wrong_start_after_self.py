# wrong(concat_backward): input i > 0 starts at cumsum(sizes)[i], its own end, not at cumsum[i - 1]
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    out = np.concatenate(xs, axis=axis)
    axis = axis + out.ndim if axis < 0 else axis
    return out, (axis, [x.shape[axis] for x in xs])


def concat_backward(dout, cache):
    axis, sizes = cache
    ends = np.cumsum(sizes)
    grads = []
    for i, size in enumerate(sizes):
        start = int(ends[i]) if i else 0
        index = [slice(None)] * dout.ndim
        index[axis] = slice(start, start + size)
        grads.append(dout[tuple(index)])
    return grads
