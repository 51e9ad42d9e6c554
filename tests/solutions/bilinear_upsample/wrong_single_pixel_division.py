# wrong(bilinear_upsample): align_corners=True divides by H_out - 1 even when H_out == 1
import numpy as np
from correct_loops import _check_scale


def _axis(in_size, s, align_corners):
    out_size = in_size * s
    d = np.arange(out_size)
    if align_corners:
        src = d * ((in_size - 1) / (out_size - 1))  # the mistake: 0 / 0 when out_size == 1
    else:
        src = np.maximum((d + 0.5) / s - 0.5, 0.0)
    i0 = np.minimum(np.floor(src).astype(int), in_size - 1)
    return i0, np.minimum(i0 + 1, in_size - 1), src - i0


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    s = _check_scale(scale_factor)
    x = np.asarray(x, dtype=np.float64)
    h0, h1, lh = _axis(x.shape[2], s, align_corners)
    w0, w1, lw = _axis(x.shape[3], s, align_corners)
    rows = x[:, :, h0] * (1 - lh)[:, None] + x[:, :, h1] * lh[:, None]
    return rows[..., w0] * (1 - lw) + rows[..., w1] * lw
