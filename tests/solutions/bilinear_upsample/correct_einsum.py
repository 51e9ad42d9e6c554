# correct: interpolation matrices A_h (H_out, H) and A_w (W_out, W), out = A_h x A_w^T via einsum
"""bilinear_upsample as a linear map: each axis gets a sparse interpolation matrix."""

from __future__ import annotations

import numpy as np


def _matrix(in_size: int, s: int, align_corners: bool) -> np.ndarray:
    out_size = in_size * s
    d = np.arange(out_size)
    if align_corners:
        src = d * ((in_size - 1) / (out_size - 1)) if out_size > 1 else np.zeros(out_size)
    else:
        src = np.clip((d + 0.5) / s - 0.5, 0.0, None)
    i0 = np.minimum(src.astype(np.int64), in_size - 1)  # src >= 0, so truncation is floor
    i1 = np.minimum(i0 + 1, in_size - 1)
    lam = src - i0
    a = np.zeros((out_size, in_size))
    np.add.at(a, (d, i0), 1.0 - lam)  # add: i0 == i1 at the last row
    np.add.at(a, (d, i1), lam)
    return a


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    if isinstance(scale_factor, bool) or not isinstance(scale_factor, (int, np.integer)):
        raise ValueError(f"scale_factor must be an integer, got {scale_factor!r}")
    if scale_factor < 1:
        raise ValueError(f"scale_factor must be at least 1, got {scale_factor}")
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"x must be 4-D, got shape {x.shape}")
    a_h = _matrix(x.shape[2], int(scale_factor), align_corners)
    a_w = _matrix(x.shape[3], int(scale_factor), align_corners)
    return np.einsum("ph,nchw,qw->ncpq", a_h, x, a_w)
