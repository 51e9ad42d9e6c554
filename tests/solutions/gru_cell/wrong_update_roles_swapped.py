# wrong(gru_cell_forward, gru_cell_backward): h = z * n + (1 - z) * h_prev, z's roles swapped
from __future__ import annotations

import numpy as np
from correct_einsum import _check, _sigmoid


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    gi = x @ w_ih.T + b_ih
    gh = h_prev @ w_hh.T + b_hh
    r = _sigmoid(gi[:, :hid] + gh[:, :hid])
    z = _sigmoid(gi[:, hid : 2 * hid] + gh[:, hid : 2 * hid])
    n = np.tanh(gi[:, 2 * hid :] + r * gh[:, 2 * hid :])
    h = z * n + (1.0 - z) * h_prev
    return h, (x, h_prev, w_ih, w_hh, r, z, n, gh[:, 2 * hid :])


def gru_cell_backward(dh, cache):
    x, h_prev, w_ih, w_hh, r, z, n, ghn = cache
    if np.shape(dh) != h_prev.shape:
        raise ValueError("dh must be (N, H)")
    da_n = dh * z * (1.0 - n**2)
    da_z = dh * (n - h_prev) * z * (1.0 - z)
    da_r = da_n * ghn * r * (1.0 - r)
    dgi = np.concatenate([da_r, da_z, da_n], axis=1)
    dgh = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dgh @ w_hh + dh * (1.0 - z)
    return dgi @ w_ih, dh_prev, dgi.T @ x, dgh.T @ h_prev, dgi.sum(0), dgh.sum(0)
