# correct: loops over time steps and samples, matrix-vector products, derivatives from stored a_t
from __future__ import annotations

from typing import Any

import numpy as np


def _check(x, h0, w_ih, w_hh, b_ih, b_hh, nonlinearity):
    if nonlinearity not in ("tanh", "relu"):
        raise ValueError(f"unknown nonlinearity {nonlinearity!r}")
    if x.ndim != 3 or h0.ndim != 2:
        raise ValueError("x must be 3-D and h0 2-D")
    _, n, i = x.shape
    h = h0.shape[1]
    if h0.shape[0] != n:
        raise ValueError("h0's batch size differs from x's")
    if w_ih.shape != (h, i) or w_hh.shape != (h, h):
        raise ValueError("weights must be (H, I) and (H, H)")
    if b_ih.shape != (h,) or b_hh.shape != (h,):
        raise ValueError("biases must be (H,)")


def rnn_forward(x, h0, w_ih, w_hh, b_ih, b_hh, *, nonlinearity="tanh") -> tuple[Any, ...]:
    _check(x, h0, w_ih, w_hh, b_ih, b_hh, nonlinearity)
    steps, n, _ = x.shape
    h = h0.shape[1]
    pre = np.zeros((steps, n, h))
    states = np.zeros((steps + 1, n, h))
    states[0] = h0
    for t in range(steps):
        for b in range(n):
            a = w_ih @ x[t, b] + b_ih + w_hh @ states[t, b] + b_hh
            pre[t, b] = a
            states[t + 1, b] = np.tanh(a) if nonlinearity == "tanh" else np.maximum(a, 0.0)
    cache = (x.copy(), states, pre, w_ih.copy(), w_hh.copy(), nonlinearity)
    return states[1:].copy(), states[-1].copy(), cache


def rnn_backward(dout, dh_n, cache) -> tuple[np.ndarray, ...]:
    x, states, pre, w_ih, w_hh, nonlinearity = cache
    if dout.shape != pre.shape or dh_n.shape != pre.shape[1:]:
        raise ValueError("dout must be (T, N, H) and dh_n (N, H)")
    steps, n, _ = x.shape
    dx = np.zeros_like(x)
    dw_ih, dw_hh = np.zeros_like(w_ih), np.zeros_like(w_hh)
    db = np.zeros(w_hh.shape[0])
    dh0 = np.zeros_like(dh_n)
    for b in range(n):
        carry = dh_n[b].copy()
        for t in reversed(range(steps)):
            a = pre[t, b]
            local = 1.0 - np.tanh(a) ** 2 if nonlinearity == "tanh" else (a > 0).astype(float)
            da = (dout[t, b] + carry) * local
            dx[t, b] = w_ih.T @ da
            dw_ih += np.outer(da, x[t, b])
            dw_hh += np.outer(da, states[t, b])
            db += da
            carry = w_hh.T @ da
        dh0[b] = carry
    return dx, dh0, dw_ih, dw_hh, db, db.copy()
