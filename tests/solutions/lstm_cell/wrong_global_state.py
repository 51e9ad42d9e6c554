# wrong(lstm_cell_backward): keeps the forward pass's values in a module global, not in its cache
import numpy as np
from correct_einsum import _check, _sigmoid

_last = {}  # the bug: one slot for every call, overwritten by the next forward pass


def lstm_cell_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    z = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh
    i, f, o = _sigmoid(z[:, :hid]), _sigmoid(z[:, hid : 2 * hid]), _sigmoid(z[:, 3 * hid :])
    g = np.tanh(z[:, 2 * hid : 3 * hid])
    c = f * c_prev + i * g
    tc = np.tanh(c)
    _last.update(x=x, h_prev=h_prev, c_prev=c_prev, w_ih=w_ih, w_hh=w_hh, gates=(i, f, g, o), tc=tc)
    return o * tc, c, None


def lstm_cell_backward(dh, dc, cache):
    s = _last  # the cache is ignored: in a sequence this is the LAST step's state
    i, f, g, o = s["gates"]
    tc = s["tc"]
    dct = dc + dh * o * (1.0 - tc**2)
    dz = np.concatenate(
        [
            dct * g * i * (1 - i),
            dct * s["c_prev"] * f * (1 - f),
            dct * i * (1 - g**2),
            dh * tc * o * (1 - o),
        ],
        axis=1,
    )
    db = dz.sum(axis=0)
    return (
        dz @ s["w_ih"],
        dz @ s["w_hh"],
        dct * f,
        dz.T @ s["x"],
        dz.T @ s["h_prev"],
        db,
        db.copy(),
    )
