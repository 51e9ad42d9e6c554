# correct: plain Python loops over the batch, the output and the input features
from __future__ import annotations

import numpy as np


def linear_forward(x, w, b):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if x.ndim != 2 or w.ndim != 2 or x.shape[1] != w.shape[1]:
        raise ValueError(f"x {x.shape} does not fit w {w.shape}")
    if b.shape != (w.shape[0],):
        raise ValueError(f"b {b.shape} does not fit w {w.shape}")
    n, d_in = x.shape
    d_out = w.shape[0]
    out = np.zeros((n, d_out))
    for i in range(n):
        for o in range(d_out):
            total = b[o]
            for k in range(d_in):
                total += x[i, k] * w[o, k]
            out[i, o] = total
    return out, (x.copy(), w.copy())


def linear_backward(dout, cache):
    x, w = cache
    n, d_in = x.shape
    d_out = w.shape[0]
    if np.shape(dout) != (n, d_out):
        raise ValueError(f"dout must be {(n, d_out)}, got {np.shape(dout)}")
    dx = np.zeros((n, d_in))
    dw = np.zeros((d_out, d_in))
    db = np.zeros(d_out)
    for i in range(n):
        for o in range(d_out):
            g = dout[i, o]
            db[o] += g
            for k in range(d_in):
                dx[i, k] += g * w[o, k]
                dw[o, k] += g * x[i, k]
    return dx, dw, db
