# wrong(linear_backward): db averages dout over the batch instead of summing it
from __future__ import annotations

from correct_einsum import linear_forward  # noqa: F401


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    return dout @ w, dout.T @ x, dout.mean(axis=0)
