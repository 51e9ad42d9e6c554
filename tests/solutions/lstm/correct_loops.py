# correct: a Python loop over time steps calling an lstm_cell step, forward and backward
from __future__ import annotations

from typing import Any

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def _cell_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    z = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh
    i, f, g, o = np.split(z, 4, axis=1)
    i, f, g, o = _sigmoid(i), _sigmoid(f), np.tanh(g), _sigmoid(o)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (x, h_prev, c_prev, i, f, g, o, c)


def _cell_backward(dh, dc, step, w_ih, w_hh):
    x, h_prev, c_prev, i, f, g, o, c = step
    tc = np.tanh(c)
    dc = dc + dh * o * (1 - tc**2)
    dz = np.hstack(
        [
            dc * g * i * (1 - i),
            dc * c_prev * f * (1 - f),
            dc * i * (1 - g**2),
            dh * tc * o * (1 - o),
        ]
    )
    return dz @ w_ih, dz @ w_hh, dc * f, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


def lstm_forward(x, h0, c0, w_ih, w_hh, b_ih, b_hh) -> tuple[Any, ...]:
    if x.ndim != 3:
        raise ValueError("x must be (T, N, I)")
    if h0.ndim != 2 or c0.shape != h0.shape or h0.shape[0] != x.shape[1]:
        raise ValueError("h0 and c0 must be (N, H)")
    hidden = h0.shape[1]
    if w_ih.shape != (4 * hidden, x.shape[2]) or w_hh.shape != (4 * hidden, hidden):
        raise ValueError("weights must be (4H, I) and (4H, H)")
    if b_ih.shape != (4 * hidden,) or b_hh.shape != (4 * hidden,):
        raise ValueError("biases must be (4H,)")
    h, c, steps, outs = h0, c0, [], []
    for t in range(x.shape[0]):
        h, c, step = _cell_forward(x[t], h, c, w_ih, w_hh, b_ih, b_hh)
        steps.append(step)
        outs.append(h)
    return np.array(outs), h.copy(), c.copy(), (steps, w_ih.copy(), w_hh.copy())


def lstm_backward(dout, dh_n, dc_n, cache) -> tuple[np.ndarray, ...]:
    steps, w_ih, w_hh = cache
    shape = steps[0][1].shape
    if dout.shape != (len(steps), *shape) or dh_n.shape != shape or dc_n.shape != shape:
        raise ValueError("dout must be (T, N, H), dh_n and dc_n (N, H)")
    dx = [None] * len(steps)
    dw_ih, dw_hh, db = np.zeros_like(w_ih), np.zeros_like(w_hh), np.zeros(w_ih.shape[0])
    dh, dc = dh_n, dc_n
    for t in reversed(range(len(steps))):
        dx[t], dh, dc, a, b, d = _cell_backward(dout[t] + dh, dc, steps[t], w_ih, w_hh)
        dw_ih += a
        dw_hh += b
        db += d
    return np.array(dx), dh, dc, dw_ih, dw_hh, db, db.copy()
