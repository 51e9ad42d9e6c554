# wrong(gru_cell_forward, gru_cell_backward): r scales h_prev @ W_hn.T but not b_hn
from __future__ import annotations

import numpy as np
from correct_einsum import _check, _sigmoid


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    gi = x @ w_ih.T + b_ih
    gh_w = h_prev @ w_hh.T  # without b_hh
    r = _sigmoid(gi[:, :hid] + gh_w[:, :hid] + b_hh[:hid])
    z = _sigmoid(gi[:, hid : 2 * hid] + gh_w[:, hid : 2 * hid] + b_hh[hid : 2 * hid])
    hn = gh_w[:, 2 * hid :]
    n = np.tanh(gi[:, 2 * hid :] + r * hn + b_hh[2 * hid :])
    h = (1.0 - z) * n + z * h_prev
    return h, (x, h_prev, w_ih, w_hh, r, z, n, hn)


def gru_cell_backward(dh, cache):
    x, h_prev, w_ih, w_hh, r, z, n, hn = cache
    if np.shape(dh) != h_prev.shape:
        raise ValueError("dh must be (N, H)")
    da_n = dh * (1.0 - z) * (1.0 - n**2)
    da_z = dh * (h_prev - n) * z * (1.0 - z)
    da_r = da_n * hn * r * (1.0 - r)
    dgi = np.concatenate([da_r, da_z, da_n], axis=1)
    dgw = np.concatenate([da_r, da_z, da_n * r], axis=1)  # through the weights
    dh_prev = dgw @ w_hh + dh * z
    return dgi @ w_ih, dh_prev, dgi.T @ x, dgw.T @ h_prev, dgi.sum(0), dgi.sum(0)
