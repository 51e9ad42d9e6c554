# wrong(linear_forward): no shape validation, so a bias of length 1 is silently broadcast
from __future__ import annotations

from correct_einsum import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    return x @ w.T + b, {"x": x, "w": w}
