# correct: one weight matrix per gate, sigmoid through logaddexp, chain rule gate by gate
from __future__ import annotations

from typing import Any

import numpy as np


def _sigmoid(a: np.ndarray) -> np.ndarray:
    return np.exp(-np.logaddexp(0.0, -a))


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh) -> tuple[np.ndarray, Any]:
    if np.ndim(x) != 2:
        raise ValueError(f"x must be 2-D, got shape {np.shape(x)}")
    if np.ndim(h_prev) != 2:
        raise ValueError(f"h_prev must be 2-D, got shape {np.shape(h_prev)}")
    if len(x) != len(h_prev):
        raise ValueError("x and h_prev must have the same batch size")
    hid, inp = h_prev.shape[1], x.shape[1]
    expected = {
        "w_ih": (w_ih, (3 * hid, inp)),
        "w_hh": (w_hh, (3 * hid, hid)),
        "b_ih": (b_ih, (3 * hid,)),
        "b_hh": (b_hh, (3 * hid,)),
    }
    for name, (value, shape) in expected.items():
        if np.shape(value) != shape:
            raise ValueError(f"{name} must have shape {shape}, got {np.shape(value)}")
    w_ir, w_iz, w_in = np.split(w_ih, 3)
    w_hr, w_hz, w_hn = np.split(w_hh, 3)
    b_ir, b_iz, b_in = np.split(b_ih, 3)
    b_hr, b_hz, b_hn = np.split(b_hh, 3)
    r = _sigmoid(x @ w_ir.T + b_ir + h_prev @ w_hr.T + b_hr)
    z = _sigmoid(x @ w_iz.T + b_iz + h_prev @ w_hz.T + b_hz)
    hn = h_prev @ w_hn.T + b_hn
    n = np.tanh(x @ w_in.T + b_in + r * hn)
    h = (1.0 - z) * n + z * h_prev
    return h, {"x": x, "h": h_prev, "w_ih": w_ih, "w_hh": w_hh, "r": r, "z": z, "n": n, "hn": hn}


def gru_cell_backward(dh, cache: Any) -> tuple[np.ndarray, ...]:
    x, h_prev, r, z, n, hn = (cache[k] for k in ("x", "h", "r", "z", "n", "hn"))
    if np.shape(dh) != np.shape(h_prev):
        raise ValueError(f"dh must have shape {np.shape(h_prev)}, got {np.shape(dh)}")
    w_ir, w_iz, w_in = np.split(cache["w_ih"], 3)
    w_hr, w_hz, w_hn = np.split(cache["w_hh"], 3)
    # through n
    d_pre_n = dh * (1.0 - z) * (1.0 - n**2)
    d_hn = d_pre_n * r
    d_pre_r = d_pre_n * hn * r * (1.0 - r)
    # through z
    d_pre_z = dh * (h_prev - n) * z * (1.0 - z)
    dx = d_pre_r @ w_ir + d_pre_z @ w_iz + d_pre_n @ w_in
    dh_prev = dh * z + d_pre_r @ w_hr + d_pre_z @ w_hz + d_hn @ w_hn
    dw_ih = np.vstack([d_pre_r.T @ x, d_pre_z.T @ x, d_pre_n.T @ x])
    dw_hh = np.vstack([d_pre_r.T @ h_prev, d_pre_z.T @ h_prev, d_hn.T @ h_prev])
    db_ih = np.concatenate([d_pre_r.sum(0), d_pre_z.sum(0), d_pre_n.sum(0)])
    db_hh = np.concatenate([d_pre_r.sum(0), d_pre_z.sum(0), d_hn.sum(0)])
    return dx, dh_prev, dw_ih, dw_hh, db_ih, db_hh
