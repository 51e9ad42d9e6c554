# wrong(conv2d_forward): no ValueError for a kernel larger than the padded input
"""(H + 2p - KH) // s + 1 is 0 when the kernel is one pixel too large: np.zeros accepts that."""

from __future__ import annotations

import numpy as np
from correct_loops import _pair, conv2d_backward  # noqa: F401


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    n, c, h, wd = x.shape
    c_out, c_in, kh, kw = w.shape
    if c != c_in:
        raise ValueError(f"channel mismatch: x has {c}, w expects {c_in}")
    if b.shape != (c_out,):
        raise ValueError("b needs one value per filter")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    out = np.zeros((n, c_out, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = xp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw]
            out[:, :, i, j] = np.einsum("ncpq,ocpq->no", window, w) + b
    return out, (x.shape, xp, w.copy(), sh, sw, ph, pw)
