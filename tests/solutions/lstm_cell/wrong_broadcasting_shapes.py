# wrong(lstm_cell_forward): checks only what NumPy rejects anyway; a state (H,) or bias (1,) passes
import numpy as np
from correct_einsum import _sigmoid, lstm_cell_backward  # noqa: F401


def lstm_cell_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    # the bug: only the inner dimensions of the products are checked; broadcasting does the rest
    if x.shape[-1] != w_ih.shape[-1] or h_prev.shape[-1] != w_hh.shape[-1]:
        raise ValueError("inner dimensions do not match")
    hid = w_hh.shape[1]
    z = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh
    i, f, o = _sigmoid(z[..., :hid]), _sigmoid(z[..., hid : 2 * hid]), _sigmoid(z[..., 3 * hid :])
    g = np.tanh(z[..., 2 * hid : 3 * hid])
    c = f * c_prev + i * g
    tc = np.tanh(c)
    h = o * tc
    cache = {
        "x": x,
        "h_prev": h_prev,
        "c_prev": c_prev,
        "wi": w_ih.reshape(4, hid, -1),
        "wh": w_hh.reshape(4, hid, hid),
        "gates": (i, f, g, o),
        "tc": tc,
    }
    return h, c, cache
