# wrong(linear_backward): dw = x.T @ dout, the transpose of the gradient in w's layout
from __future__ import annotations

from correct_einsum import linear_forward  # noqa: F401


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    return dout @ w, x.T @ dout, dout.sum(axis=0)
