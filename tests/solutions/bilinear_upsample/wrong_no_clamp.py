# wrong(bilinear_upsample): negative source coordinates not clamped to 0 (extrapolates)
import numpy as np
from correct_loops import _check_scale


def _axis(in_size, s, align_corners):
    d = np.arange(in_size * s)
    if align_corners:
        src = d * ((in_size - 1) / (in_size * s - 1)) if in_size * s > 1 else 0.0 * d
    else:
        src = (d + 0.5) / s - 0.5  # the mistake: no max(src, 0)
    i0 = np.minimum(src.astype(int), in_size - 1)  # truncation: -0.25 -> 0, weight -0.25
    return i0, np.minimum(i0 + 1, in_size - 1), src - i0


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    s = _check_scale(scale_factor)
    x = np.asarray(x, dtype=np.float64)
    h0, h1, lh = _axis(x.shape[2], s, align_corners)
    w0, w1, lw = _axis(x.shape[3], s, align_corners)
    rows = x[:, :, h0] * (1 - lh)[:, None] + x[:, :, h1] * lh[:, None]
    return rows[..., w0] * (1 - lw) + rows[..., w1] * lw
