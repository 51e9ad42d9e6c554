# wrong(residual_block_backward): weight gradients accumulated into buffers kept in the dict cache
"""The cache carries dw1/dw2 buffers that each backward call adds into and never resets; calling
the backward a second time with the same cache doubles them."""

from __future__ import annotations

import numpy as np
from correct_layers import residual_block_backward as _backward
from correct_layers import residual_block_forward as _forward


def residual_block_forward(x, w1, b1, w2, b2):
    out, cache = _forward(x, w1, b1, w2, b2)
    cache["dw1"], cache["dw2"] = np.zeros(w1.shape), np.zeros(w2.shape)
    return out, cache


def residual_block_backward(dout, cache):
    dx, dw1, db1, dw2, db2 = _backward(dout, cache)
    cache["dw1"] += dw1
    cache["dw2"] += dw2
    return dx, cache["dw1"].copy(), db1, cache["dw2"].copy(), db2
