# wrong(rnn_backward): BPTT drops the gradient through time: dh is not carried to the previous step
from __future__ import annotations

from typing import Any

import numpy as np


def rnn_forward(x, h0, w_ih, w_hh, b_ih, b_hh, *, nonlinearity="tanh") -> tuple[Any, ...]:
    if nonlinearity != "tanh" and nonlinearity != "relu":
        raise ValueError("nonlinearity must be 'tanh' or 'relu'")
    if x.ndim != 3:
        raise ValueError("x must be (T, N, I)")
    if h0.ndim != 2 or h0.shape[0] != x.shape[1]:
        raise ValueError("h0 must be (N, H)")
    nh, ni = h0.shape[1], x.shape[2]
    if w_ih.shape != (nh, ni) or w_hh.shape != (nh, nh):
        raise ValueError("bad weight shape")
    if b_ih.shape != (nh,) or b_hh.shape != (nh,):
        raise ValueError("bad bias shape")
    bias = b_hh + b_ih
    hs = [h0]
    for x_t in x:
        a = np.einsum("ni,hi->nh", x_t, w_ih) + np.einsum("nk,hk->nh", hs[-1], w_hh) + bias
        hs.append(np.tanh(a) if nonlinearity == "tanh" else np.where(a > 0, a, 0.0))
    out = np.stack(hs[1:])
    deriv = 1.0 - out * out if nonlinearity == "tanh" else np.where(out > 0, 1.0, 0.0)
    return out, hs[-1].copy(), {"x": x.copy(), "hs": np.stack(hs), "d": deriv, "w": (w_ih, w_hh)}


def rnn_backward(dout, dh_n, cache) -> tuple[np.ndarray, ...]:
    x, hs, deriv = cache["x"], cache["hs"], cache["d"]
    w_ih, w_hh = cache["w"]
    if dout.shape != deriv.shape:
        raise ValueError("dout must have out's shape")
    if dh_n.shape != hs.shape[1:]:
        raise ValueError("dh_n must have h_n's shape")
    dx = np.empty_like(x)
    dw_ih = np.zeros(w_ih.shape)
    dw_hh = np.zeros(w_hh.shape)
    db = np.zeros(w_ih.shape[0])
    dh = dh_n
    for t in range(len(x) - 1, -1, -1):
        da = deriv[t] * (dh + dout[t])
        dx[t] = da @ w_ih
        dw_ih += da.T @ x[t]
        dw_hh += da.T @ hs[t]
        db += da.sum(0)
        dh = np.zeros_like(dh)  # the bug: nothing reaches h_(t-1)
    return dx, dh, dw_ih, dw_hh, db, db.copy()
