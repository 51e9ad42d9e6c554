# wrong(concat_backward): the axis and sizes are kept in module globals; the cache is ignored
from __future__ import annotations

import numpy as np

_LAST = {}


def concat_forward(xs, axis=1):
    out = np.concatenate(xs, axis=axis)
    _LAST["axis"] = axis
    _LAST["offsets"] = np.cumsum([x.shape[axis] for x in xs])[:-1]
    return out, None


def concat_backward(dout, cache):
    return np.split(dout, _LAST["offsets"], axis=_LAST["axis"])
