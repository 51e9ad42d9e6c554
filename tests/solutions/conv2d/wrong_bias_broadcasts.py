# wrong(conv2d_forward): no ValueError for a bias of the wrong shape; a (1,) bias broadcasts
"""Adding b.reshape(1, -1, 1, 1) accepts one bias value for every filter."""

from __future__ import annotations

import numpy as np
from correct_vectorised import _correlate, _pair, conv2d_backward  # noqa: F401


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    if x.ndim != 4 or w.ndim != 4:
        raise ValueError("x and w must be 4-D")
    if x.shape[1] != w.shape[1]:
        raise ValueError(f"x has {x.shape[1]} channels, w expects {w.shape[1]}")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    if w.shape[2] > xp.shape[2] or w.shape[3] > xp.shape[3]:
        raise ValueError("kernel larger than the padded input")
    out = _correlate(xp, w, sh, sw) + b.reshape(1, -1, 1, 1)
    return out, (xp, w, (sh, sw), (ph, pw))
