# correct: plain Python loops and scalar math (math.exp, math.tanh) over steps, samples and units
from __future__ import annotations

import math
from typing import Any

import numpy as np


def _sig(v: float) -> float:
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def lstm_forward(x, h0, c0, w_ih, w_hh, b_ih, b_hh) -> tuple[Any, ...]:
    if x.ndim != 3 or h0.ndim != 2:
        raise ValueError("x must be 3-D and h0 2-D")
    steps, n, ni = x.shape
    nh = h0.shape[1]
    if h0.shape[0] != n or c0.shape != h0.shape:
        raise ValueError("h0 and c0 must be (N, H) with x's N")
    if w_ih.shape != (4 * nh, ni) or w_hh.shape != (4 * nh, nh):
        raise ValueError("weights must be (4H, I) and (4H, H)")
    if b_ih.shape != (4 * nh,) or b_hh.shape != (4 * nh,):
        raise ValueError("biases must be (4H,)")
    hs = np.zeros((steps + 1, n, nh))
    cs = np.zeros((steps + 1, n, nh))
    hs[0], cs[0] = h0, c0
    gates = np.zeros((steps, n, 4 * nh))
    for t in range(steps):
        for b in range(n):
            for r in range(4 * nh):
                s = float(b_ih[r]) + float(b_hh[r])
                for k in range(ni):
                    s += float(x[t, b, k]) * float(w_ih[r, k])
                for k in range(nh):
                    s += float(hs[t, b, k]) * float(w_hh[r, k])
                gates[t, b, r] = math.tanh(s) if 2 * nh <= r < 3 * nh else _sig(s)
            for j in range(nh):
                i, f, g, o = (gates[t, b, q * nh + j] for q in range(4))
                cs[t + 1, b, j] = f * cs[t, b, j] + i * g
                hs[t + 1, b, j] = o * math.tanh(cs[t + 1, b, j])
    cache = (x.copy(), hs, cs, gates, w_ih.copy(), w_hh.copy())
    return hs[1:].copy(), hs[-1].copy(), cs[-1].copy(), cache


def lstm_backward(dout, dh_n, dc_n, cache) -> tuple[np.ndarray, ...]:
    x, hs, cs, gates, w_ih, w_hh = cache
    steps, n, ni = x.shape
    nh = hs.shape[2]
    if dout.shape != (steps, n, nh) or dh_n.shape != (n, nh) or dc_n.shape != (n, nh):
        raise ValueError("dout must be (T, N, H), dh_n and dc_n (N, H)")
    dx = np.zeros_like(x)
    dw_ih, dw_hh = np.zeros_like(w_ih), np.zeros_like(w_hh)
    db = np.zeros(4 * nh)
    dh0 = np.zeros((n, nh))
    dc0 = np.zeros((n, nh))
    for b in range(n):
        dh = [float(v) for v in dh_n[b]]
        dc = [float(v) for v in dc_n[b]]
        for t in range(steps - 1, -1, -1):
            dz = [0.0] * (4 * nh)
            for j in range(nh):
                i, f, g, o = (gates[t, b, q * nh + j] for q in range(4))
                tc = math.tanh(cs[t + 1, b, j])
                dh_t = dout[t, b, j] + dh[j]
                dc_t = dc[j] + dh_t * o * (1.0 - tc * tc)
                dz[j] = dc_t * g * i * (1.0 - i)
                dz[nh + j] = dc_t * cs[t, b, j] * f * (1.0 - f)
                dz[2 * nh + j] = dc_t * i * (1.0 - g * g)
                dz[3 * nh + j] = dh_t * tc * o * (1.0 - o)
                dc[j] = dc_t * f
            for r in range(4 * nh):
                db[r] += dz[r]
                for k in range(ni):
                    dw_ih[r, k] += dz[r] * x[t, b, k]
                    dx[t, b, k] += dz[r] * w_ih[r, k]
                for k in range(nh):
                    dw_hh[r, k] += dz[r] * hs[t, b, k]
            dh = [sum(dz[r] * w_hh[r, k] for r in range(4 * nh)) for k in range(nh)]
        dh0[b], dc0[b] = dh, dc
    return dx, dh0, dc0, dw_ih, dw_hh, db, db.copy()
