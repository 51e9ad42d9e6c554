# wrong(linear_backward): dx = (w.T @ dout.T).reshape(x.shape), a reshape instead of a transpose
from __future__ import annotations

from correct_einsum import linear_forward  # noqa: F401


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    dx = (w.T @ dout.T).reshape(x.shape)
    return dx, dout.T @ x, dout.sum(axis=0)
