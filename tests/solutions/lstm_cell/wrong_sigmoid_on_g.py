# wrong(lstm_cell_forward): the cell candidate g goes through a sigmoid instead of tanh
import numpy as np
from correct_einsum import _check, _sigmoid, lstm_cell_backward  # noqa: F401


def lstm_cell_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    wi, wh = w_ih.reshape(4, hid, -1), w_hh.reshape(4, hid, hid)
    z = np.einsum("khi,ni->knh", wi, x) + np.einsum("khj,nj->knh", wh, h_prev)
    z = z + (b_ih + b_hh).reshape(4, 1, hid)
    i, f, g, o = (_sigmoid(z[k]) for k in range(4))  # the bug: sigmoid on all four
    c = f * c_prev + i * g
    tc = np.tanh(c)
    h = o * tc
    cache = {
        "x": x,
        "h_prev": h_prev,
        "c_prev": c_prev,
        "wi": wi,
        "wh": wh,
        "gates": (i, f, g, o),
        "tc": tc,
    }
    return h, c, cache
