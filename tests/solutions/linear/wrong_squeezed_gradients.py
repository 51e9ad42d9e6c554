# wrong(linear_backward): dw and db go through np.squeeze: in or out features = 1 lose an axis
from __future__ import annotations

import numpy as np
from correct_einsum import linear_forward  # noqa: F401


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    if np.shape(dout) != (x.shape[0], w.shape[0]):
        raise ValueError(f"dout must be {(x.shape[0], w.shape[0])}, got {np.shape(dout)}")
    dx = dout @ w
    dw = np.squeeze(dout.T @ x)  # (1, in) -> (in,) and (out, 1) -> (out,)
    db = np.squeeze(dout.sum(axis=0))  # (1,) -> ()
    return dx, dw, db
