# correct: einsum for every product, the batch summed in reverse order for db
from __future__ import annotations

import numpy as np


def linear_forward(x, w, b):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if x.ndim != 2 or w.ndim != 2:
        raise ValueError("x and w must be 2-D")
    if x.shape[1] != w.shape[1]:
        raise ValueError(f"in_features mismatch: x has {x.shape[1]}, w has {w.shape[1]}")
    if b.ndim != 1 or b.shape[0] != w.shape[0]:
        raise ValueError(f"b must have shape ({w.shape[0]},), got {b.shape}")
    out = np.einsum("ni,oi->no", x, w) + b[None, :]
    return out, {"x": x, "w": w}


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != (x.shape[0], w.shape[0]):
        raise ValueError(f"dout must be {(x.shape[0], w.shape[0])}, got {dout.shape}")
    dx = np.einsum("no,oi->ni", dout, w)
    dw = np.einsum("no,ni->oi", dout, x)
    db = np.einsum("no->o", dout[::-1])
    return dx, dw, db
