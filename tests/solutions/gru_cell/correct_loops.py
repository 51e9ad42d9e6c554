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


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh) -> tuple[np.ndarray, Any]:
    if x.ndim != 2 or h_prev.ndim != 2:
        raise ValueError("x and h_prev must be 2-D")
    nb, ni = x.shape
    nh = h_prev.shape[1]
    if h_prev.shape[0] != nb:
        raise ValueError("h_prev must be (N, H) with x's N")
    if w_ih.shape != (3 * nh, ni) or w_hh.shape != (3 * nh, nh):
        raise ValueError("weights must be (3H, I) and (3H, H)")
    if b_ih.shape != (3 * nh,) or b_hh.shape != (3 * nh,):
        raise ValueError("biases must be (3H,)")
    gi = np.zeros((nb, 3 * nh))
    gh = np.zeros((nb, 3 * nh))
    for b in range(nb):
        for row in range(3 * nh):
            s = float(b_ih[row])
            for k in range(ni):
                s += float(x[b, k]) * float(w_ih[row, k])
            gi[b, row] = s
            s = float(b_hh[row])
            for k in range(nh):
                s += float(h_prev[b, k]) * float(w_hh[row, k])
            gh[b, row] = s
    r = np.zeros((nb, nh))
    z = np.zeros((nb, nh))
    n = np.zeros((nb, nh))
    h = np.zeros((nb, nh))
    for b in range(nb):
        for j in range(nh):
            r[b, j] = _sig(gi[b, j] + gh[b, j])
            z[b, j] = _sig(gi[b, nh + j] + gh[b, nh + j])
            n[b, j] = math.tanh(gi[b, 2 * nh + j] + r[b, j] * gh[b, 2 * nh + j])
            h[b, j] = (1.0 - z[b, j]) * n[b, j] + z[b, j] * float(h_prev[b, j])
    return h, (x.copy(), h_prev.copy(), w_ih.copy(), w_hh.copy(), r, z, n, gh)


def gru_cell_backward(dh, cache: Any) -> tuple[np.ndarray, ...]:
    x, h_prev, w_ih, w_hh, r, z, n, gh = cache
    nb, ni = x.shape
    nh = h_prev.shape[1]
    if np.shape(dh) != (nb, nh):
        raise ValueError(f"dh must have shape {(nb, nh)}, got {np.shape(dh)}")
    dgi = np.zeros((nb, 3 * nh))
    dgh = np.zeros((nb, 3 * nh))
    dh_prev = np.zeros((nb, nh))
    for b in range(nb):
        for j in range(nh):
            g = float(dh[b, j])
            rr, zz, nn = r[b, j], z[b, j], n[b, j]
            da_n = g * (1.0 - zz) * (1.0 - nn * nn)
            da_z = g * (float(h_prev[b, j]) - nn) * zz * (1.0 - zz)
            da_r = da_n * gh[b, 2 * nh + j] * rr * (1.0 - rr)
            dgi[b, j], dgi[b, nh + j], dgi[b, 2 * nh + j] = da_r, da_z, da_n
            dgh[b, j], dgh[b, nh + j], dgh[b, 2 * nh + j] = da_r, da_z, da_n * rr
            dh_prev[b, j] = g * zz
    dx = np.zeros((nb, ni))
    dw_ih = np.zeros((3 * nh, ni))
    dw_hh = np.zeros((3 * nh, nh))
    db_ih = np.zeros(3 * nh)
    db_hh = np.zeros(3 * nh)
    for b in range(nb):
        for row in range(3 * nh):
            db_ih[row] += dgi[b, row]
            db_hh[row] += dgh[b, row]
            for k in range(ni):
                dx[b, k] += dgi[b, row] * w_ih[row, k]
                dw_ih[row, k] += dgi[b, row] * x[b, k]
            for k in range(nh):
                dh_prev[b, k] += dgh[b, row] * w_hh[row, k]
                dw_hh[row, k] += dgh[b, row] * h_prev[b, k]
    return dx, dh_prev, dw_ih, dw_hh, db_ih, db_hh
