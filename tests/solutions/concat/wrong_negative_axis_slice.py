# wrong(concat_backward): a negative axis is kept as it is, so (slice(None),) * axis slices axis 0
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    out = np.concatenate(xs, axis=axis)
    return out, (axis, [x.shape[axis] for x in xs])


def concat_backward(dout, cache):
    axis, sizes = cache
    grads, start = [], 0
    for size in sizes:
        grads.append(dout[(slice(None),) * axis + (slice(start, start + size),)])
        start += size
    return grads
