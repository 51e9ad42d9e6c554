# wrong(linear_backward): dw divided by the batch size, as if the layer itself averaged the loss
from __future__ import annotations

from correct_einsum import linear_forward  # noqa: F401


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    return dout @ w, dout.T @ x / x.shape[0], dout.sum(axis=0)
