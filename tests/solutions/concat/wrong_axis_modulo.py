# wrong(concat_forward): the axis is taken modulo ndim, so an axis out of range wraps to a valid one
from __future__ import annotations

import numpy as np
from correct_numpy import concat_backward  # noqa: F401


def concat_forward(xs, axis=1):
    axis = axis % np.ndim(xs[0])
    out = np.concatenate(xs, axis=axis)
    return out, (axis, np.cumsum([x.shape[axis] for x in xs])[:-1])
