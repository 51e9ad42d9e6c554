# wrong(gru_cell_backward): hidden side's n block gets da_n, not da_n * r (db_hh = db_ih)
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
    da_r = da_n * cache["ghn"] * r * (1.0 - r)
    da = np.concatenate([da_r, da_z, da_n], axis=1)  # one dz for both sides
    dh_prev = da @ w_hh + dh * z
    db = da.sum(0)
    return da @ w_ih, dh_prev, da.T @ cache["x"], da.T @ cache["h_prev"], db, db.copy()
