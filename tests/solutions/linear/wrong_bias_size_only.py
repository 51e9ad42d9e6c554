# wrong(linear_forward): checks b.size, not b.shape, so a (1, out) or (out, 1) bias broadcasts
from __future__ import annotations

import numpy as np
from correct_einsum import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if x.ndim != 2 or w.ndim != 2 or x.shape[1] != w.shape[1]:
        raise ValueError(f"x {x.shape} does not fit w {w.shape}")
    if b.size != w.shape[0]:
        raise ValueError(f"b must have {w.shape[0]} entries, got {b.size}")
    return x @ w.T + b, {"x": x, "w": w}
