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

    The result equals PyTorch's
    `torch.nn.functional.interpolate(x, scale_factor=s, mode="bilinear",
    align_corners=align_corners)` in float64, for both settings of `align_corners`.

    The `align_corners` rule: with `True` the centres of the input's and the output's corner
    pixels coincide, and with `False` (the default) input and output pixels are squares covering
    the same area (each input pixel split into `s x s` output pixels), an output pixel whose
    centre lies beyond the input's outermost pixel centres taking the border value.

    Args:
        x: input, shape `(N, C, H, W)`.
        scale_factor: an integer `s >= 1` (a Python or NumPy int), the same for both axes.
        align_corners: which of the two conventions above to use.

    Returns:
        The upsampled array, shape `(N, C, H * s, W * s)`; with `s = 1` it equals `x`.

    Raises:
        ValueError: if `x` is not 4-D (a single `(C, H, W)` map included), or `scale_factor`
            is not an integer (e.g. 1.5, never truncated) or is smaller than 1.
    """
    raise NotImplementedError
