# wrong(gru_cell_forward): sigmoid as 1 / (1 + exp(-a)), which overflows for inputs of magnitude 1e4
from __future__ import annotations

import numpy as np
from correct_einsum import _check, gru_cell_backward  # noqa: F401


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    _check(x, h_prev, w_ih, w_hh, b_ih, b_hh)
    hid = h_prev.shape[1]
    wi = w_ih.reshape(3, hid, -1)
    wh = w_hh.reshape(3, hid, hid)
    gi = np.einsum("khi,ni->knh", wi, x) + b_ih.reshape(3, 1, hid)
    gh = np.einsum("khj,nj->knh", wh, h_prev) + b_hh.reshape(3, 1, hid)
    r = _sigmoid(gi[0] + gh[0])
    z = _sigmoid(gi[1] + gh[1])
    n = np.tanh(gi[2] + r * gh[2])
    h = (1.0 - z) * n + z * h_prev
    cache = {"x": x, "h_prev": h_prev, "wi": wi, "wh": wh, "r": r, "z": z, "n": n, "ghn": gh[2]}
    return h, cache
