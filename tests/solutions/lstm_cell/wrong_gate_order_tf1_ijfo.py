# wrong(lstm_cell_forward, lstm_cell_backward): gates in TF1 BasicLSTMCell's order i, j, f, o
import numpy as np
from correct_einsum import _check, _sigmoid


def lstm_cell_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    z = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh
    zi, zg, zf, zo = (z[:, k * hid : (k + 1) * hid] for k in range(4))  # the bug
    i, f, o = _sigmoid(zi), _sigmoid(zf), _sigmoid(zo)
    g = np.tanh(zg)
    c = f * c_prev + i * g
    tc = np.tanh(c)
    h = o * tc
    return h, c, (x, h_prev, c_prev, w_ih, w_hh, i, f, g, o, tc)


def lstm_cell_backward(dh, dc, cache):
    x, h_prev, c_prev, w_ih, w_hh, i, f, g, o, tc = cache
    dct = dc + dh * o * (1 - tc**2)
    dzi = dct * g * i * (1 - i)
    dzf = dct * c_prev * f * (1 - f)
    dzg = dct * i * (1 - g**2)
    dzo = dh * tc * o * (1 - o)
    dz = np.concatenate([dzi, dzg, dzf, dzo], axis=1)
    db = dz.sum(axis=0)
    return dz @ w_ih, dz @ w_hh, dct * f, dz.T @ x, dz.T @ h_prev, db, db.copy()
