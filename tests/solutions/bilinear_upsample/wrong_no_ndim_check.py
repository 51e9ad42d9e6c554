# wrong(bilinear_upsample): interpolates over the last two axes of any array; no check that x is 4-D
"""einsum with `...` upsamples a single (C, H, W) map (or a 5-D stack) instead of raising."""

from __future__ import annotations

import numpy as np
from correct_einsum import _matrix


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    if isinstance(scale_factor, bool) or not isinstance(scale_factor, (int, np.integer)):
        raise ValueError(f"scale_factor must be an integer, got {scale_factor!r}")
    if scale_factor < 1:
        raise ValueError(f"scale_factor must be at least 1, got {scale_factor}")
    a_h = _matrix(x.shape[-2], int(scale_factor), align_corners)
    a_w = _matrix(x.shape[-1], int(scale_factor), align_corners)
    return np.einsum("ph,...hw,qw->...pq", a_h, x, a_w)
