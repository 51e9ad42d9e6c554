# wrong(linear_backward): no check of dout's shape: a dout of shape (N, 1) is broadcast
from __future__ import annotations

import numpy as np
from correct_einsum import linear_forward  # noqa: F401


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    return np.einsum("no,oi->ni", dout, w), np.einsum("no,ni->oi", dout, x), dout.sum(axis=0)
