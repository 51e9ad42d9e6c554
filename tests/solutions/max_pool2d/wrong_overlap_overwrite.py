# wrong(max_pool2d_backward): fancy-indexed += drops repeats, overlapping windows do not add up
import numpy as np
from correct_vectorised import max_pool2d_forward  # noqa: F401


def max_pool2d_backward(dout, cache):
    (n, c, h, w), where, (_kh, kw), (sh, sw), (ph, pw) = cache
    h_out, w_out = where.shape[2:]
    rows = (np.arange(h_out) * sh)[:, None] + where // kw
    cols = (np.arange(w_out) * sw)[None, :] + where % kw
    ni = np.arange(n)[:, None, None, None]
    ci = np.arange(c)[None, :, None, None]
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    dxp[ni, ci, rows, cols] += dout  # buffered: a repeated index keeps only one value
    return dxp[:, :, ph : ph + h, pw : pw + w]
