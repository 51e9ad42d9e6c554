# wrong(max_pool2d_backward): stride >= kernel taken as tiling: window i placed at i * KH
import numpy as np
from correct_vectorised import max_pool2d_forward  # noqa: F401


def max_pool2d_backward(dout, cache):
    (n, c, h, w), where, (kh, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != where.shape:
        raise ValueError(f"dout has shape {dout.shape}, the output had {where.shape}")
    if sh >= kh and sw >= kw:  # "no overlap, so the windows are the kernel-sized blocks"
        sh, sw = kh, kw
    h_out, w_out = where.shape[2:]
    dxp = np.zeros((n, c, max(h + 2 * ph, h_out * sh), max(w + 2 * pw, w_out * sw)))
    for a in range(kh):
        for b in range(kw):
            dxp[:, :, a : a + sh * h_out : sh, b : b + sw * w_out : sw] += np.where(
                where == a * kw + b, dout, 0.0
            )
    return dxp[:, :, ph : ph + h, pw : pw + w]
