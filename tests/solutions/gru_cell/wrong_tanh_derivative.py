# wrong(gru_cell_backward): derivative of n = tanh(a_n) taken as 1 - n instead of 1 - n**2
from __future__ import annotations

import numpy as np
from correct_einsum import gru_cell_forward  # noqa: F401


def gru_cell_backward(dh, cache):
    r, z, n = cache["r"], cache["z"], cache["n"]
    if np.shape(dh) != z.shape:
        raise ValueError("dh must be (N, H)")
    hid = z.shape[1]
    w_ih = cache["wi"].reshape(3 * hid, -1)
    w_hh = cache["wh"].reshape(3 * hid, hid)
    h_prev = cache["h_prev"]
    da_n = dh * (1.0 - z) * (1.0 - n)
    da_z = dh * (h_prev - n) * z * (1.0 - z)
    da_r = da_n * cache["ghn"] * r * (1.0 - r)
    dgi = np.concatenate([da_r, da_z, da_n], axis=1)
    dgh = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dgh @ w_hh + dh * z
    return dgi @ w_ih, dh_prev, dgi.T @ cache["x"], dgh.T @ h_prev, dgi.sum(0), dgh.sum(0)
