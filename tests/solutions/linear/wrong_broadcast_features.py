# wrong(linear_forward): no in_features check; (x[:, None] * w).sum(-1) stretches 1 feature
from __future__ import annotations

import numpy as np
from correct_einsum import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if x.ndim != 2 or w.ndim != 2:
        raise ValueError("x and w must be 2-D")
    if b.shape != (w.shape[0],):
        raise ValueError(f"b must have shape ({w.shape[0]},), got {b.shape}")
    out = (x[:, None, :] * w[None, :, :]).sum(axis=2) + b
    return out, {"x": x, "w": w}
