# wrong(lstm_cell_backward): derivative of tanh(c) taken as 1 - tanh(c) instead of 1 - tanh(c)**2
import numpy as np
from correct_einsum import lstm_cell_forward  # noqa: F401


def lstm_cell_backward(dh, dc, cache):
    i, f, g, o = cache["gates"]
    tc = cache["tc"]
    dct = dh * o * (1.0 - tc) + dc  # the bug
    dz = np.stack(
        [
            dct * g * i * (1 - i),
            dct * cache["c_prev"] * f * (1 - f),
            dct * i * (1 - g * g),
            dh * tc * o * (1 - o),
        ]
    )
    hid = tc.shape[1]
    dx = np.einsum("knh,khi->ni", dz, cache["wi"])
    dh_prev = np.einsum("knh,khj->nj", dz, cache["wh"])
    dw_ih = np.einsum("knh,ni->khi", dz, cache["x"]).reshape(4 * hid, -1)
    dw_hh = np.einsum("knh,nj->khj", dz, cache["h_prev"]).reshape(4 * hid, -1)
    db = dz.sum(axis=(1,)).reshape(-1)
    return dx, dh_prev, dct * f, dw_ih, dw_hh, db, db.copy()
