# wrong(conv2d_forward): output size ceil((H + 2p - KH) / s) + 1, partial windows zero-filled
"""(H - K + 2P) / S + 1 rounded up: a partial window at the end becomes an extra output."""

from __future__ import annotations

import math

import numpy as np
from correct_loops import _pair, conv2d_backward  # noqa: F401


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    n, c, h, wd = x.shape
    c_out, c_in, kh, kw = w.shape
    if c != c_in:
        raise ValueError("channel mismatch")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    if kh > h + 2 * ph or kw > wd + 2 * pw:
        raise ValueError("kernel larger than the padded input")
    h_out = math.ceil((h + 2 * ph - kh) / sh) + 1
    w_out = math.ceil((wd + 2 * pw - kw) / sw) + 1
    # Enough zeros for the last (partial) window.
    xp = np.zeros((n, c, (h_out - 1) * sh + kh, (w_out - 1) * sw + kw))
    xp[:, :, ph : ph + h, pw : pw + wd] = x
    out = np.zeros((n, c_out, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = xp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw]
            out[:, :, i, j] = np.einsum("ncpq,ocpq->no", window, w) + b
    return out, (x.shape, xp, w.copy(), sh, sw, ph, pw)
