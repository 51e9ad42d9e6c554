# wrong(lstm_backward): the final hidden-state gradient dh_n is ignored
from __future__ import annotations

import numpy as np
from correct_vectorised import lstm_backward as _right_backward
from correct_vectorised import lstm_forward  # noqa: F401  (the right forward pass)


def lstm_backward(dout, dh_n, dc_n, cache):
    return _right_backward(dout, np.zeros_like(dh_n), dc_n, cache)  # the bug
