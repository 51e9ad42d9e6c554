# wrong(conv2d_backward): dx as a transposed conv padded by max(K - 1 - P, 0): wrong once P >= K
"""The textbook shortcut: dx is dout (dilated by the stride) correlated with the rotated kernel
under padding K - 1 - P. That padding is negative when the forward padding P is at least the
kernel size (always, for a 1x1 kernel with any padding); clamping it at 0 silently keeps border
gradients that belong to the padding and shifts the rest."""

from __future__ import annotations

import numpy as np
from correct_vectorised import (
    _correlate,
    conv2d_forward,  # noqa: F401
)
from correct_vectorised import conv2d_backward as _backward


def conv2d_backward(dout, cache):
    xp, w, (sh, sw), (ph, pw) = cache
    _, dw, db = _backward(dout, cache)
    n, c_out, h_out, w_out = dout.shape
    kh, kw = w.shape[2:]
    h, wd = xp.shape[2] - 2 * ph, xp.shape[3] - 2 * pw
    dil = np.zeros((n, c_out, sh * (h_out - 1) + 1, sw * (w_out - 1) + 1))
    dil[:, :, ::sh, ::sw] = dout
    # rows no window reached at the bottom/right (the output size rounded down)
    rh, rw = (xp.shape[2] - kh) % sh, (xp.shape[3] - kw) % sw
    top, left = max(kh - 1 - ph, 0), max(kw - 1 - pw, 0)
    padded = np.pad(dil, ((0, 0), (0, 0), (top, top + rh), (left, left + rw)))
    dx = _correlate(padded, w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3), 1, 1)
    return dx[:, :, :h, :wd], dw, db
