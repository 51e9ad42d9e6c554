# wrong(conv2d_forward): a float stride is truncated with int() instead of raising ValueError
"""int(1.5) == 1: the call runs with stride 1 and returns an answer to a question nobody asked."""

from __future__ import annotations

import numpy as np
from correct_vectorised import _correlate, conv2d_backward  # noqa: F401


def _pair(value, name, minimum):
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise ValueError(f"{name} needs two values")
        pair = (int(value[0]), int(value[1]))
    else:
        pair = (int(value), int(value))
    if min(pair) < minimum:
        raise ValueError(f"{name} must be >= {minimum}")
    return pair


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    if x.ndim != 4 or w.ndim != 4 or x.shape[1] != w.shape[1] or b.shape != w.shape[:1]:
        raise ValueError("shapes do not match")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    if w.shape[2] > xp.shape[2] or w.shape[3] > xp.shape[3]:
        raise ValueError("kernel larger than the padded input")
    out = _correlate(xp, w, sh, sw) + b.reshape(1, -1, 1, 1)
    return out, (xp, w, (sh, sw), (ph, pw))
