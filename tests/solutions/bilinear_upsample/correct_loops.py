# correct: plain Python loops, one output pixel at a time from its four neighbours
"""bilinear_upsample with explicit loops and the four-term bilinear formula."""

from __future__ import annotations

import math

import numpy as np


def _check_scale(scale_factor) -> int:
    if isinstance(scale_factor, bool) or not isinstance(scale_factor, (int, np.integer)):
        raise ValueError("scale_factor must be an integer")
    if scale_factor < 1:
        raise ValueError("scale_factor must be >= 1")
    return int(scale_factor)


def _source(d: int, in_size: int, out_size: int, s: int, align_corners: bool):
    if align_corners:
        src = d * (in_size - 1) / (out_size - 1) if out_size > 1 else 0.0
    else:
        src = max((d + 0.5) / s - 0.5, 0.0)
    i0 = min(math.floor(src), in_size - 1)
    return i0, min(i0 + 1, in_size - 1), src - i0


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    s = _check_scale(scale_factor)
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError("x must have shape (N, C, H, W)")
    n, c, h, w = x.shape
    out = np.empty((n, c, h * s, w * s))
    for d in range(h * s):
        i0, i1, lam = _source(d, h, h * s, s, align_corners)
        for e in range(w * s):
            j0, j1, mu = _source(e, w, w * s, s, align_corners)
            for b in range(n):
                for ch in range(c):
                    out[b, ch, d, e] = (
                        (1 - lam) * (1 - mu) * x[b, ch, i0, j0]
                        + (1 - lam) * mu * x[b, ch, i0, j1]
                        + lam * (1 - mu) * x[b, ch, i1, j0]
                        + lam * mu * x[b, ch, i1, j1]
                    )
    return out
