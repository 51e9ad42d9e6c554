# wrong(conv2d_backward): dx scatters the kernel rotated by 180 degrees (a recipe misapplied)
"""The forward pass is right. The backward pass remembers that dx is a full convolution of dout
with the kernel rotated by 180 degrees, but it scatters windows (which needs the kernel as it
is) and rotates anyway: dx comes out as if the forward pass had used the flipped kernel."""

from __future__ import annotations

import numpy as np
from correct_loops import conv2d_backward as _right_backward
from correct_loops import conv2d_forward  # noqa: F401  (the right forward pass)


def conv2d_backward(dout, cache):
    _, dw, db = _right_backward(dout, cache)
    (n, _, h, wd), xp, w, sh, sw, ph, pw = cache
    c_out, _, kh, kw = w.shape
    dxp = np.zeros_like(xp)
    for i_n in range(n):
        for o in range(c_out):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    rows = slice(i * sh, i * sh + kh)
                    cols = slice(j * sw, j * sw + kw)
                    dxp[i_n, :, rows, cols] += dout[i_n, o, i, j] * w[o, :, ::-1, ::-1]
    return dxp[:, :, ph : ph + h, pw : pw + wd].copy(), dw, db
