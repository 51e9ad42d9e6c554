# wrong(lstm_backward): the final cell-state gradient dc_n is ignored
from __future__ import annotations

import numpy as np
from correct_vectorised import lstm_backward as _right_backward
from correct_vectorised import lstm_forward  # noqa: F401  (the right forward pass)


def lstm_backward(dout, dh_n, dc_n, cache):
    return _right_backward(dout, dh_n, np.zeros_like(dc_n), cache)  # the bug
