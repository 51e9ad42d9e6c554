# wrong(lstm_backward): BPTT drops the gradient through h: dh is not carried to step t - 1
from __future__ import annotations

from typing import Any

import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # exact identity, never overflows


def lstm_forward(x, h0, c0, w_ih, w_hh, b_ih, b_hh) -> tuple[Any, ...]:
    if x.ndim != 3:
        raise ValueError("x must be (T, N, I)")
    if h0.ndim != 2:
        raise ValueError("h0 must be (N, H)")
    if c0.shape != h0.shape:
        raise ValueError("c0 must have h0's shape")
    steps, n, ni = x.shape
    nh = h0.shape[1]
    if h0.shape[0] != n:
        raise ValueError("h0 must have x's batch size")
    if w_ih.shape != (4 * nh, ni) or w_hh.shape != (4 * nh, nh):
        raise ValueError("bad weight shape")
    if b_ih.shape != (4 * nh,) or b_hh.shape != (4 * nh,):
        raise ValueError("bad bias shape")
    zx = np.einsum("tni,gi->tng", x, w_ih) + (b_ih + b_hh)
    hs = np.empty((steps + 1, n, nh))
    cs = np.empty((steps + 1, n, nh))
    acts = np.empty((steps, n, 4, nh))
    hs[0], cs[0] = h0, c0
    for t in range(steps):
        z = (zx[t] + hs[t] @ w_hh.T).reshape(n, 4, nh)
        a = _sigmoid(z)
        a[:, 2] = np.tanh(z[:, 2])
        acts[t] = a
        cs[t + 1] = a[:, 1] * cs[t] + a[:, 0] * a[:, 2]
        hs[t + 1] = a[:, 3] * np.tanh(cs[t + 1])
    return hs[1:].copy(), hs[-1].copy(), cs[-1].copy(), (x, hs, cs, acts, w_ih, w_hh)


def lstm_backward(dout, dh_n, dc_n, cache) -> tuple[np.ndarray, ...]:
    x, hs, cs, acts, w_ih, _ = cache
    if dout.shape != hs[1:].shape:
        raise ValueError("dout must have out's shape")
    if dh_n.shape != hs.shape[1:] or dc_n.shape != hs.shape[1:]:
        raise ValueError("dh_n and dc_n must be (N, H)")
    steps, n, nh = dout.shape
    dz = np.empty((steps, n, 4, nh))
    dh, dc = dh_n, dc_n
    for t in range(steps - 1, -1, -1):
        i, f, g, o = acts[t, :, 0], acts[t, :, 1], acts[t, :, 2], acts[t, :, 3]
        tc = np.tanh(cs[t + 1])
        dht = dh + dout[t]
        dct = dht * o * (1 - tc * tc) + dc
        dz[t, :, 0] = dct * g * i * (1 - i)
        dz[t, :, 1] = dct * cs[t] * f * (1 - f)
        dz[t, :, 2] = dct * i * (1 - g * g)
        dz[t, :, 3] = dht * tc * o * (1 - o)
        dh = np.zeros_like(dh)  # the bug
        dc = f * dct
    flat = dz.reshape(steps, n, 4 * nh)
    dx = np.einsum("tng,gi->tni", flat, w_ih)
    dw_ih = np.einsum("tng,tni->gi", flat, x)
    dw_hh = np.einsum("tng,tnk->gk", flat, hs[:-1])
    db = flat.sum(axis=(0, 1))
    return dx, dh, dc, dw_ih, dw_hh, db, db.copy()
