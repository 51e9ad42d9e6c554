# wrong(gru_cell_backward): dh_prev misses the direct term dh * z from h = (1 - z) * n + z * h_prev
from __future__ import annotations

from correct_einsum import gru_cell_backward as _correct_backward
from correct_einsum import gru_cell_forward  # noqa: F401


def gru_cell_backward(dh, cache):
    dx, dh_prev, dw_ih, dw_hh, db_ih, db_hh = _correct_backward(dh, cache)
    return dx, dh_prev - dh * cache["z"], dw_ih, dw_hh, db_ih, db_hh
