# wrong(linear_backward): x and w kept in module globals by the forward; cache ignored
from __future__ import annotations

import numpy as np
from correct_einsum import linear_forward as _checked_forward

_last = {}


def linear_forward(x, w, b):
    out, _ = _checked_forward(x, w, b)
    _last["x"], _last["w"] = np.array(x, dtype=np.float64), np.array(w, dtype=np.float64)
    return out, None


def linear_backward(dout, cache):
    x, w = _last["x"], _last["w"]
    if np.shape(dout) != (x.shape[0], w.shape[0]):
        raise ValueError(f"dout must be {(x.shape[0], w.shape[0])}, got {np.shape(dout)}")
    return dout @ w, dout.T @ x, dout.sum(axis=0)
