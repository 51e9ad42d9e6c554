# wrong(conv2d_backward): dw from the first sample only (the sum over the batch forgotten)
"""A new user's loop: dw correlates x with dout for `x[0]` alone, as if the batch had one image."""

from __future__ import annotations

import numpy as np
from correct_loops import conv2d_backward as _backward
from correct_loops import conv2d_forward  # noqa: F401


def conv2d_backward(dout, cache):
    dx, _, db = _backward(dout, cache)
    _, xp, w, sh, sw, _, _ = cache
    c_out, _, kh, kw = w.shape
    dw = np.zeros_like(w)
    for o in range(c_out):
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                window = xp[0, :, i * sh : i * sh + kh, j * sw : j * sw + kw]
                dw[o] += dout[0, o, i, j] * window
    return dx, dw, db
