# wrong(bilinear_upsample): interpolation weights swapped, lam * x[i0] + (1 - lam) * x[i1]
import numpy as np
from correct_loops import _check_scale, _source


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    s = _check_scale(scale_factor)
    x = np.asarray(x, dtype=np.float64)
    n, c, h, w = x.shape
    rows = np.empty((n, c, h * s, w))
    for d in range(h * s):
        i0, i1, lam = _source(d, h, h * s, s, align_corners)
        rows[:, :, d] = lam * x[:, :, i0] + (1 - lam) * x[:, :, i1]
    out = np.empty((n, c, h * s, w * s))
    for e in range(w * s):
        j0, j1, mu = _source(e, w, w * s, s, align_corners)
        out[..., e] = mu * rows[..., j0] + (1 - mu) * rows[..., j1]
    return out
