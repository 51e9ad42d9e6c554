# wrong(lstm_forward): h0 is used but the cell state starts from zeros instead of c0
from __future__ import annotations

import numpy as np
from correct_vectorised import lstm_backward  # noqa: F401  (the right backward pass)
from correct_vectorised import lstm_forward as _right_forward


def lstm_forward(x, h0, c0, w_ih, w_hh, b_ih, b_hh):
    return _right_forward(x, h0, np.zeros_like(c0), w_ih, w_hh, b_ih, b_hh)  # the bug
