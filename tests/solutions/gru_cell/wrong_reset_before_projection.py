# wrong(gru_cell_forward, gru_cell_backward): reset before the projection, (r * h_prev) @ W_hn.T
from __future__ import annotations

import numpy as np
from correct_einsum import _check, _sigmoid


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    gi = x @ w_ih.T + b_ih
    w_hr, w_hz, w_hn = np.split(w_hh, 3)
    b_hr, b_hz, b_hn = np.split(b_hh, 3)
    r = _sigmoid(gi[:, :hid] + h_prev @ w_hr.T + b_hr)
    z = _sigmoid(gi[:, hid : 2 * hid] + h_prev @ w_hz.T + b_hz)
    n = np.tanh(gi[:, 2 * hid :] + (r * h_prev) @ w_hn.T + b_hn)
    h = (1.0 - z) * n + z * h_prev
    return h, (x, h_prev, w_ih, w_hh, r, z, n)


def gru_cell_backward(dh, cache):
    x, h_prev, w_ih, w_hh, r, z, n = cache
    if np.shape(dh) != h_prev.shape:
        raise ValueError("dh must be (N, H)")
    w_hr, w_hz, w_hn = np.split(w_hh, 3)
    da_n = dh * (1.0 - z) * (1.0 - n**2)
    da_z = dh * (h_prev - n) * z * (1.0 - z)
    d_rh = da_n @ w_hn  # gradient of r * h_prev
    da_r = d_rh * h_prev * r * (1.0 - r)
    dgi = np.concatenate([da_r, da_z, da_n], axis=1)
    dh_prev = dh * z + d_rh * r + da_r @ w_hr + da_z @ w_hz
    dw_hh = np.vstack([da_r.T @ h_prev, da_z.T @ h_prev, da_n.T @ (r * h_prev)])
    db_hh = np.concatenate([da_r.sum(0), da_z.sum(0), da_n.sum(0)])
    return dgi @ w_ih, dh_prev, dgi.T @ x, dw_hh, dgi.sum(0), db_hh
