"""Reference solution for the bilinear_upsample kata.

Equals ``torch.nn.functional.interpolate(x, scale_factor=s, mode="bilinear",
align_corners=...)`` for an integer scale factor ``s >= 1``.

The interpolation is written over any leading axes (``...``), the way a learner's vectorised code
often is, so the 4-D check is needed: without it a 3-D ``(C, H, W)`` input would be upsampled
instead of refused.
"""

from __future__ import annotations

import numpy as np


def _source_coords(
    in_size: int, scale_factor: int, align_corners: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each output index along one axis: the two neighbours and the weight of the second.

    Returns ``(i0, i1, lam)`` with output ``= (1 - lam) * x[i0] + lam * x[i1]``.
    """
    out_size = in_size * scale_factor
    dst = np.arange(out_size, dtype=np.float64)
    if align_corners:
        # The first and last samples of input and output coincide.
        scale = (in_size - 1) / (out_size - 1) if out_size > 1 else 0.0
        src = scale * dst
    else:
        # Pixels are unit squares; centres map onto centres (half-pixel offset). Near the
        # top/left border the source falls before the first centre: clamp to 0.
        scale = 1.0 / scale_factor
        src = np.maximum(scale * (dst + 0.5) - 0.5, 0.0)
    i0 = np.minimum(np.floor(src).astype(np.intp), in_size - 1)
    i1 = np.minimum(i0 + 1, in_size - 1)  # at the bottom/right border reuse the last sample
    lam = src - i0
    return i0, i1, lam


def bilinear_upsample(
    x: np.ndarray, scale_factor: int, *, align_corners: bool = False
) -> np.ndarray:
    """Upsample ``x (N, C, H, W)`` to ``(N, C, H * s, W * s)`` by bilinear interpolation."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"x must be 4-D (N, C, H, W), got shape {x.shape}")
    if isinstance(scale_factor, bool) or not isinstance(scale_factor, (int, np.integer)):
        raise ValueError(f"scale_factor must be an integer, got {scale_factor!r}")
    if scale_factor < 1:
        raise ValueError(f"scale_factor must be at least 1, got {scale_factor}")
    h, w = x.shape[-2:]
    h0, h1, lh = _source_coords(h, int(scale_factor), bool(align_corners))
    w0, w1, lw = _source_coords(w, int(scale_factor), bool(align_corners))
    # Bilinear interpolation is separable: interpolate between rows, then between columns.
    rows = x[..., h0, :] * (1.0 - lh)[:, None] + x[..., h1, :] * lh[:, None]
    return rows[..., w0] * (1.0 - lw) + rows[..., w1] * lw
