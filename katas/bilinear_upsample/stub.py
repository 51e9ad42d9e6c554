"""Kata `bilinear_upsample`: bilinear upsampling by an integer factor, in NumPy.

Implement `F.interpolate(x, scale_factor=s, mode="bilinear", align_corners=...)` for feature
maps `(N, C, H, W)` and an integer `s >= 1`, for both values of `align_corners`. float64
arrays; never modify the input.
"""

from __future__ import annotations

import numpy as np


def bilinear_upsample(
    x: np.ndarray, scale_factor: int, *, align_corners: bool = False
) -> np.ndarray:
    """Upsample each `(H, W)` map to `(H * s, W * s)` by bilinear interpolation.

    Output index `d` along an axis of input size `H` and output size `H_out = H * s` reads the
    input at the real coordinate `src`:
      - `align_corners=False` (PyTorch's default; pixel centres line up):
        `src = max((d + 0.5) / s - 0.5, 0)`;
      - `align_corners=True` (corner pixels line up): `src = d * (H - 1) / (H_out - 1)`, and
        `0` when `H_out == 1`.
    With `i0 = floor(src)`, `i1 = min(i0 + 1, H - 1)` and `lam = src - i0`, the value is
    `(1 - lam) * x[i0] + lam * x[i1]`; rows and columns are interpolated this way in turn.

    Args:
        x: input, shape `(N, C, H, W)`.
        scale_factor: an integer `s >= 1` (a Python or NumPy int), the same for both axes.
        align_corners: which of the two coordinate conventions above to use.

    Returns:
        The upsampled array, shape `(N, C, H * s, W * s)`.

    Raises:
        ValueError: if `scale_factor` is not an integer or is smaller than 1, or `x` is not 4-D.
    """
    raise NotImplementedError
