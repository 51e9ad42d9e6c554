# wrong(gru_cell_backward): no gradient through the reset gate (r treated as a constant)
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
    da_n = dh * (1.0 - z) * (1.0 - n**2)
    da_z = dh * (cache["h_prev"] - n) * z * (1.0 - z)
    da_r = np.zeros_like(da_n)
    dgi = np.concatenate([da_r, da_z, da_n], axis=1)
    dgh = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dgh @ w_hh + dh * z
    return dgi @ w_ih, dh_prev, dgi.T @ cache["x"], dgh.T @ cache["h_prev"], dgi.sum(0), dgh.sum(0)
