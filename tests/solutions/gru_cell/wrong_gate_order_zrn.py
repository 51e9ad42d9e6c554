# wrong(gru_cell_forward, gru_cell_backward): gates read in Keras's order z, r, n
from __future__ import annotations

import numpy as np
from correct_einsum import _check, _sigmoid

ZR = (1, 0, 2)  # block k of the weights is read as gate ZR[k]: z first, then r


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    gi = (x @ w_ih.T + b_ih).reshape(len(x), 3, hid)
    gh = (h_prev @ w_hh.T + b_hh).reshape(len(x), 3, hid)
    z = _sigmoid(gi[:, 0] + gh[:, 0])
    r = _sigmoid(gi[:, 1] + gh[:, 1])
    n = np.tanh(gi[:, 2] + r * gh[:, 2])
    h = (1.0 - z) * n + z * h_prev
    return h, (x, h_prev, w_ih, w_hh, r, z, n, gh[:, 2])


def gru_cell_backward(dh, cache):
    x, h_prev, w_ih, w_hh, r, z, n, ghn = cache
    if np.shape(dh) != h_prev.shape:
        raise ValueError("dh must be (N, H)")
    da_n = dh * (1.0 - z) * (1.0 - n**2)
    da_z = dh * (h_prev - n) * z * (1.0 - z)
    da_r = da_n * ghn * r * (1.0 - r)
    dgi = np.concatenate([da_z, da_r, da_n], axis=1)
    dgh = np.concatenate([da_z, da_r, da_n * r], axis=1)
    dh_prev = dgh @ w_hh + dh * z
    return dgi @ w_ih, dh_prev, dgi.T @ x, dgh.T @ h_prev, dgi.sum(0), dgh.sum(0)
