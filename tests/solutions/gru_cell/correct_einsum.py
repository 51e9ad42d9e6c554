# correct: weights viewed as (3, H, ...) gate blocks, einsum products, sigmoid written through tanh
from __future__ import annotations

from typing import Any

import numpy as np


def _sigmoid(a: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * a))


def _check(x, h_prev, w_ih, w_hh, b_ih, b_hh) -> None:
    if x.ndim != 2 or h_prev.ndim != 2:
        raise ValueError("x must be (N, I) and h_prev (N, H)")
    n, i = x.shape
    hid = h_prev.shape[1]
    if h_prev.shape[0] != n:
        raise ValueError("x and h_prev have different batch sizes")
    if w_ih.shape != (3 * hid, i):
        raise ValueError(f"w_ih must be {(3 * hid, i)}")
    if w_hh.shape != (3 * hid, hid):
        raise ValueError(f"w_hh must be {(3 * hid, hid)}")
    if b_ih.shape != (3 * hid,) or b_hh.shape != (3 * hid,):
        raise ValueError(f"b_ih and b_hh must be {(3 * hid,)}")


def gru_cell_forward(
    x: np.ndarray,
    h_prev: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, Any]:
    _check(x, h_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    wi = w_ih.reshape(3, hid, -1)  # (gate, H, I)
    wh = w_hh.reshape(3, hid, hid)
    # gi[k], gh[k]: gate k's input and hidden parts, (3, N, H)
    gi = np.einsum("khi,ni->knh", wi, x) + b_ih.reshape(3, 1, hid)
    gh = np.einsum("khj,nj->knh", wh, h_prev) + b_hh.reshape(3, 1, hid)
    r = _sigmoid(gi[0] + gh[0])
    z = _sigmoid(gi[1] + gh[1])
    n = np.tanh(gi[2] + r * gh[2])
    h = n + z * (h_prev - n)  # = (1 - z) * n + z * h_prev
    cache = {"x": x, "h_prev": h_prev, "wi": wi, "wh": wh, "r": r, "z": z, "n": n, "ghn": gh[2]}
    return h, cache


def gru_cell_backward(dh: np.ndarray, cache: Any) -> tuple[np.ndarray, ...]:
    r, z, n, ghn = cache["r"], cache["z"], cache["n"], cache["ghn"]
    if np.shape(dh) != z.shape:
        raise ValueError(f"dh must be {z.shape}")
    da_n = dh * (1.0 - z) * (1.0 - n * n)
    da_z = dh * (cache["h_prev"] - n) * z * (1.0 - z)
    da_r = da_n * ghn * r * (1.0 - r)
    dgi = np.stack([da_r, da_z, da_n])  # (3, N, H)
    dgh = np.stack([da_r, da_z, da_n * r])
    hid = z.shape[1]
    dx = np.einsum("knh,khi->ni", dgi, cache["wi"])
    dh_prev = np.einsum("knh,khj->nj", dgh, cache["wh"]) + dh * z
    dw_ih = np.einsum("knh,ni->khi", dgi, cache["x"]).reshape(3 * hid, -1)
    dw_hh = np.einsum("knh,nj->khj", dgh, cache["h_prev"]).reshape(3 * hid, -1)
    db_ih = np.einsum("knh->kh", dgi).reshape(-1)
    db_hh = np.einsum("knh->kh", dgh).reshape(-1)
    return dx, dh_prev, dw_ih, dw_hh, db_ih, db_hh
