# wrong(linear_forward): no check that x and w are 2-D: one sample x of shape (in,) passes
from __future__ import annotations

import numpy as np
from correct_einsum import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if x.shape[-1] != w.shape[-1]:
        raise ValueError(f"x has {x.shape[-1]} features, w expects {w.shape[-1]}")
    if b.shape != w.shape[:1]:
        raise ValueError(f"b must have shape {w.shape[:1]}, got {b.shape}")
    if w.ndim == 1:
        return x @ w + b, {"x": x, "w": w}
    return x @ w.T + b, {"x": x, "w": w}
