# wrong(lstm_cell_backward): accepts dh and dc of shape (H,) or (1, H) and broadcasts them
import numpy as np
from correct_einsum import lstm_cell_forward  # noqa: F401


def lstm_cell_backward(dh, dc, cache):
    i, f, g, o = cache["gates"]
    tc = cache["tc"]
    # the bug: no shape check; a (1, H) or (H,) upstream gradient is silently broadcast
    dct = dh * o * (1.0 - tc * tc) + dc
    dz = np.concatenate(
        [
            dct * g * i * (1.0 - i),
            dct * cache["c_prev"] * f * (1.0 - f),
            dct * i * (1.0 - g * g),
            dh * tc * o * (1.0 - o),
        ],
        axis=1,
    )
    hid = tc.shape[1]
    w_ih = cache["wi"].reshape(4 * hid, -1)
    w_hh = cache["wh"].reshape(4 * hid, hid)
    db = dz.sum(axis=0)
    return dz @ w_ih, dz @ w_hh, dct * f, dz.T @ cache["x"], dz.T @ cache["h_prev"], db, db.copy()
