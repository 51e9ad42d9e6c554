# wrong(lstm_cell_backward): accumulates the weight gradients into buffers kept in its dict cache
import numpy as np
from correct_einsum import lstm_cell_backward as _correct_backward
from correct_einsum import lstm_cell_forward as _correct_forward


def lstm_cell_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    h, c, cache = _correct_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh)
    cache["grad_sums"] = [np.zeros_like(w_ih), np.zeros_like(w_hh), np.zeros_like(b_ih)]
    return h, c, cache


def lstm_cell_backward(dh, dc, cache):
    dx, dh_prev, dc_prev, dw_ih, dw_hh, db, _ = _correct_backward(dh, dc, cache)
    # the bug: "summing over time" inside the cache; a second call with it adds again
    sums = cache["grad_sums"]
    sums[0] += dw_ih
    sums[1] += dw_hh
    sums[2] += db
    return dx, dh_prev, dc_prev, sums[0], sums[1], sums[2], sums[2].copy()
