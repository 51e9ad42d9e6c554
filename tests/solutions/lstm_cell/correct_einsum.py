# correct: weights viewed as (4, H, ...) gate blocks, einsum products, sigmoid written through tanh
from __future__ import annotations

from typing import Any

import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _check(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh) -> None:
    if x.ndim != 2 or h_prev.ndim != 2:
        raise ValueError("x must be (N, I) and h_prev (N, H)")
    n, i = x.shape
    hid = h_prev.shape[1]
    if h_prev.shape[0] != n:
        raise ValueError("x and h_prev have different batch sizes")
    if c_prev.shape != (n, hid):
        raise ValueError(f"c_prev must be {(n, hid)}")
    if w_ih.shape != (4 * hid, i):
        raise ValueError(f"w_ih must be {(4 * hid, i)}")
    if w_hh.shape != (4 * hid, hid):
        raise ValueError(f"w_hh must be {(4 * hid, hid)}")
    if b_ih.shape != (4 * hid,) or b_hh.shape != (4 * hid,):
        raise ValueError(f"b_ih and b_hh must be {(4 * hid,)}")


def lstm_cell_forward(
    x: np.ndarray,
    h_prev: np.ndarray,
    c_prev: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, Any]:
    _check(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    wi = w_ih.reshape(4, hid, -1)  # (gate, H, I)
    wh = w_hh.reshape(4, hid, hid)
    b = (b_ih + b_hh).reshape(4, hid)
    # z[k] is gate k's pre-activation, (4, N, H)
    z = np.einsum("khi,ni->knh", wi, x) + np.einsum("khj,nj->knh", wh, h_prev) + b[:, None, :]
    i, f, o = _sigmoid(z[0]), _sigmoid(z[1]), _sigmoid(z[3])
    g = np.tanh(z[2])
    c = f * c_prev + i * g
    tc = np.tanh(c)
    h = o * tc
    cache = {
        "x": x,
        "h_prev": h_prev,
        "c_prev": c_prev,
        "wi": wi,
        "wh": wh,
        "gates": (i, f, g, o),
        "tc": tc,
    }
    return h, c, cache


def lstm_cell_backward(dh: np.ndarray, dc: np.ndarray, cache: Any) -> tuple[np.ndarray, ...]:
    i, f, g, o = cache["gates"]
    tc = cache["tc"]
    if np.shape(dh) != tc.shape or np.shape(dc) != tc.shape:
        raise ValueError(f"dh and dc must both be {tc.shape}")
    dct = dh * o * (1.0 - tc * tc) + dc
    dz = np.stack(
        [
            dct * g * i * (1.0 - i),
            dct * cache["c_prev"] * f * (1.0 - f),
            dct * i * (1.0 - g * g),
            dh * tc * o * (1.0 - o),
        ]
    )  # (4, N, H)
    dx = np.einsum("knh,khi->ni", dz, cache["wi"])
    dh_prev = np.einsum("knh,khj->nj", dz, cache["wh"])
    dw_ih = np.einsum("knh,ni->khi", dz, cache["x"]).reshape(4 * tc.shape[1], -1)
    dw_hh = np.einsum("knh,nj->khj", dz, cache["h_prev"]).reshape(4 * tc.shape[1], -1)
    db = np.einsum("knh->kh", dz).reshape(-1)
    return dx, dh_prev, dct * f, dw_ih, dw_hh, db, db.copy()
