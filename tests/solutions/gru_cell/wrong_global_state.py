# wrong(gru_cell_backward): keeps the forward pass's values in a module global, not in its cache
from __future__ import annotations

import numpy as np
from correct_einsum import _check, _sigmoid

_LAST = {}


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    gi = x @ w_ih.T + b_ih
    gh = h_prev @ w_hh.T + b_hh
    r = _sigmoid(gi[:, :hid] + gh[:, :hid])
    z = _sigmoid(gi[:, hid : 2 * hid] + gh[:, hid : 2 * hid])
    n = np.tanh(gi[:, 2 * hid :] + r * gh[:, 2 * hid :])
    h = (1.0 - z) * n + z * h_prev
    _LAST.update(x=x, h_prev=h_prev, w_ih=w_ih, w_hh=w_hh, r=r, z=z, n=n, ghn=gh[:, 2 * hid :])
    return h, None


def gru_cell_backward(dh, cache):
    s = _LAST
    r, z, n, h_prev = s["r"], s["z"], s["n"], s["h_prev"]
    if np.shape(dh) != z.shape:
        raise ValueError("dh must be (N, H)")
    da_n = dh * (1.0 - z) * (1.0 - n**2)
    da_z = dh * (h_prev - n) * z * (1.0 - z)
    da_r = da_n * s["ghn"] * r * (1.0 - r)
    dgi = np.concatenate([da_r, da_z, da_n], axis=1)
    dgh = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dgh @ s["w_hh"] + dh * z
    return dgi @ s["w_ih"], dh_prev, dgi.T @ s["x"], dgh.T @ h_prev, dgi.sum(0), dgh.sum(0)
