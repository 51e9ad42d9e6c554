# correct: plain Python loops and scalar math (math.exp, math.tanh), no matrix products
from __future__ import annotations

import math
from typing import Any

import numpy as np


def _sig(v: float) -> float:
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def lstm_cell_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh) -> tuple[np.ndarray, ...]:
    if x.ndim != 2 or h_prev.ndim != 2:
        raise ValueError("x and h_prev must be 2-D")
    n, ni = x.shape
    nh = h_prev.shape[1]
    if h_prev.shape[0] != n or c_prev.shape != h_prev.shape:
        raise ValueError("h_prev and c_prev must be (N, H) with x's N")
    if w_ih.shape != (4 * nh, ni) or w_hh.shape != (4 * nh, nh):
        raise ValueError("weights must be (4H, I) and (4H, H)")
    if b_ih.shape != (4 * nh,) or b_hh.shape != (4 * nh,):
        raise ValueError("biases must be (4H,)")
    gates = np.zeros((n, 4 * nh))  # activated gates, columns i, f, g, o
    h = np.zeros((n, nh))
    c = np.zeros((n, nh))
    for b in range(n):
        for r in range(4 * nh):
            s = float(b_ih[r]) + float(b_hh[r])
            for k in range(ni):
                s += float(x[b, k]) * float(w_ih[r, k])
            for k in range(nh):
                s += float(h_prev[b, k]) * float(w_hh[r, k])
            gates[b, r] = math.tanh(s) if 2 * nh <= r < 3 * nh else _sig(s)
        for j in range(nh):
            i, f, g, o = (gates[b, q * nh + j] for q in range(4))
            c[b, j] = f * float(c_prev[b, j]) + i * g
            h[b, j] = o * math.tanh(c[b, j])
    return h, c, (x.copy(), h_prev.copy(), c_prev.copy(), w_ih.copy(), w_hh.copy(), gates, c)


def lstm_cell_backward(dh, dc, cache: Any) -> tuple[np.ndarray, ...]:
    x, h_prev, c_prev, w_ih, w_hh, gates, c = cache
    n, ni = x.shape
    nh = h_prev.shape[1]
    for name, grad in (("dh", dh), ("dc", dc)):
        if np.shape(grad) != (n, nh):
            raise ValueError(f"{name} must have shape {(n, nh)}, got {np.shape(grad)}")
    dz = np.zeros((n, 4 * nh))
    dc_prev = np.zeros((n, nh))
    for b in range(n):
        for j in range(nh):
            i, f, g, o = (gates[b, q * nh + j] for q in range(4))
            t = math.tanh(c[b, j])
            total = float(dc[b, j]) + float(dh[b, j]) * o * (1.0 - t * t)
            dz[b, j] = total * g * i * (1.0 - i)
            dz[b, nh + j] = total * float(c_prev[b, j]) * f * (1.0 - f)
            dz[b, 2 * nh + j] = total * i * (1.0 - g * g)
            dz[b, 3 * nh + j] = float(dh[b, j]) * t * o * (1.0 - o)
            dc_prev[b, j] = total * f
    dx = np.zeros((n, ni))
    dh_prev = np.zeros((n, nh))
    dw_ih = np.zeros((4 * nh, ni))
    dw_hh = np.zeros((4 * nh, nh))
    db = np.zeros(4 * nh)
    for b in range(n):
        for r in range(4 * nh):
            db[r] += dz[b, r]
            for k in range(ni):
                dx[b, k] += dz[b, r] * w_ih[r, k]
                dw_ih[r, k] += dz[b, r] * x[b, k]
            for k in range(nh):
                dh_prev[b, k] += dz[b, r] * w_hh[r, k]
                dw_hh[r, k] += dz[b, r] * h_prev[b, k]
    return dx, dh_prev, dc_prev, dw_ih, dw_hh, db, db.copy()
