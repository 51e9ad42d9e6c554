# wrong(linear_backward): db is dout itself, one row per sample, not summed over the batch
from __future__ import annotations

from correct_einsum import linear_forward  # noqa: F401


def linear_backward(dout, cache):
    x, w = cache["x"], cache["w"]
    return dout @ w, dout.T @ x, dout.copy()
