# correct: plain Python loops for both convolutions and their gradients
"""The residual block with whiteboard loops."""

from __future__ import annotations

import numpy as np


def _conv(x, w, b):
    n, c, h, wd = x.shape
    xp = np.zeros((n, c, h + 2, wd + 2))
    xp[:, :, 1:-1, 1:-1] = x
    out = np.zeros((n, w.shape[0], h, wd))
    for i_n in range(n):
        for o in range(w.shape[0]):
            for i in range(h):
                for j in range(wd):
                    out[i_n, o, i, j] = np.sum(xp[i_n, :, i : i + 3, j : j + 3] * w[o]) + b[o]
    return out


def _conv_grads(dout, x, w):
    n, c, h, wd = x.shape
    xp = np.zeros((n, c, h + 2, wd + 2))
    xp[:, :, 1:-1, 1:-1] = x
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    db = np.zeros(w.shape[0])
    for i_n in range(n):
        for o in range(w.shape[0]):
            for i in range(h):
                for j in range(wd):
                    g = dout[i_n, o, i, j]
                    dxp[i_n, :, i : i + 3, j : j + 3] += g * w[o]
                    dw[o] += g * xp[i_n, :, i : i + 3, j : j + 3]
                    db[o] += g
    return dxp[:, :, 1:-1, 1:-1], dw, db


def residual_block_forward(x, w1, b1, w2, b2):
    if x.ndim != 4:
        raise ValueError("x must be 4-D")
    c = x.shape[1]
    for w in (w1, w2):
        if w.shape != (c, c, 3, 3):
            raise ValueError(f"weights must be ({c}, {c}, 3, 3), got {w.shape}")
    for b in (b1, b2):
        if b.shape != (c,):
            raise ValueError(f"biases must be ({c},), got {b.shape}")
    z1 = _conv(x, w1, b1)
    h = np.maximum(z1, 0)
    s = _conv(h, w2, b2) + x
    return np.maximum(s, 0), (x, w1, w2, z1, h, s)


def residual_block_backward(dout, cache):
    x, w1, w2, z1, h, s = cache
    if dout.shape != x.shape:
        raise ValueError(f"dout must have shape {x.shape}, got {dout.shape}")
    ds = dout * (s > 0)
    dh, dw2, db2 = _conv_grads(ds, h, w2)
    dz1 = dh * (z1 > 0)
    dx, dw1, db1 = _conv_grads(dz1, x, w1)
    dx = dx + ds  # the skip connection's share
    return dx, dw1, db1, dw2, db2
