# wrong(residual_block_backward): dw2 computed from z1 instead of h = relu(z1)
"""Caching the wrong tensor: the weights' gradient reads the input before the ReLU."""

from __future__ import annotations

import numpy as np
from correct_layers import (
    conv_backward,
    conv_forward,
    residual_block_forward,  # noqa: F401
)


def residual_block_backward(dout, cache):
    z1 = cache["z1"]
    ds = dout * (cache["s"] > 0)
    dh, _, db2 = conv_backward(ds, cache["conv2"])
    w2 = cache["conv2"][2]
    _, conv2_on_z1 = conv_forward(z1, w2, np.zeros(w2.shape[0]), 1)
    _, dw2, _ = conv_backward(ds, conv2_on_z1)
    dx, dw1, db1 = conv_backward(dh * (z1 > 0), cache["conv1"])
    return dx + ds, dw1, db1, dw2, db2
