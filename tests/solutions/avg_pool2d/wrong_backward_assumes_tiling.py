# wrong(avg_pool2d_backward): stride >= kernel taken as tiling: dout upsampled by np.kron
import numpy as np
from correct_integral_image import avg_pool2d_backward as _backward
from correct_integral_image import avg_pool2d_forward  # noqa: F401


def avg_pool2d_backward(dout, cache):
    (n, c, h, w), (kh, kw), (sh, sw), (ph, pw) = cache
    if sh < kh or sw < kw:
        return _backward(dout, cache)
    # "no overlap: every window is a KH x KW block, so spread each dout over its block"
    dout = np.asarray(dout, dtype=np.float64)
    h_out, w_out = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    if dout.shape != (n, c, h_out, w_out):
        raise ValueError(f"dout has shape {dout.shape}, the output had {(n, c, h_out, w_out)}")
    blocks = np.kron(dout, np.ones((1, 1, kh, kw))) / (kh * kw)
    dxp = np.zeros((n, c, max(h + 2 * ph, blocks.shape[2]), max(w + 2 * pw, blocks.shape[3])))
    dxp[:, :, : blocks.shape[2], : blocks.shape[3]] = blocks
    return dxp[:, :, ph : ph + h, pw : pw + w]
