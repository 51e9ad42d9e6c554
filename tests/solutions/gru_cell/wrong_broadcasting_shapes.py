# wrong(gru_cell_forward): checks only what NumPy rejects anyway; a state (H,) or a bias (1,) passes
from __future__ import annotations

import numpy as np
from correct_einsum import _sigmoid, gru_cell_backward  # noqa: F401


def gru_cell_forward(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    hid = h_prev.shape[-1]
    gi = x @ w_ih.T + b_ih
    gh = h_prev @ w_hh.T + b_hh
    r = _sigmoid(gi[..., :hid] + gh[..., :hid])
    z = _sigmoid(gi[..., hid : 2 * hid] + gh[..., hid : 2 * hid])
    n = np.tanh(gi[..., 2 * hid : 3 * hid] + r * gh[..., 2 * hid : 3 * hid])
    h = (1.0 - z) * n + z * h_prev
    wi = w_ih.reshape(3, hid, -1) if w_ih.shape[0] == 3 * hid else w_ih
    wh = w_hh.reshape(3, hid, -1) if w_hh.shape[0] == 3 * hid else w_hh
    cache = {"x": x, "h_prev": h_prev, "wi": wi, "wh": wh, "r": r, "z": z, "n": n}
    cache["ghn"] = gh[..., 2 * hid : 3 * hid]
    return h, cache
