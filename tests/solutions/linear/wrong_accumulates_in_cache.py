# wrong(linear_backward): accumulates dw into a buffer in its dict cache (a 2nd backward doubles)
from __future__ import annotations

import numpy as np
from correct_einsum import linear_forward  # noqa: F401


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    if np.shape(dout) != (x.shape[0], w.shape[0]):
        raise ValueError(f"dout must be {(x.shape[0], w.shape[0])}, got {np.shape(dout)}")
    cache.setdefault("dw", np.zeros_like(w))
    cache["dw"] += dout.T @ x
    return dout @ w, cache["dw"].copy(), dout.sum(axis=0)
