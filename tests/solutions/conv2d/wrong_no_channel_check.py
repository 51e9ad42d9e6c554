# wrong(conv2d_forward): no ValueError for a channel mismatch; a 1-channel w broadcasts
"""Loops computing window * w[o] never notice a (C_out, 1, KH, KW) kernel on C channels."""

from __future__ import annotations

import numpy as np
from correct_loops import _pair, conv2d_backward  # noqa: F401


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    n, _, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    if b.shape != (c_out,):
        raise ValueError("b needs one value per filter")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    if kh > h + 2 * ph or kw > wd + 2 * pw:
        raise ValueError("kernel larger than the padded input")
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    out = np.zeros((n, c_out, h_out, w_out))
    for i_n in range(n):
        for o in range(c_out):
            for i in range(h_out):
                for j in range(w_out):
                    window = xp[i_n, :, i * sh : i * sh + kh, j * sw : j * sw + kw]
                    out[i_n, o, i, j] = np.sum(window * w[o]) + b[o]
    return out, (x.shape, xp, w.copy(), sh, sw, ph, pw)
