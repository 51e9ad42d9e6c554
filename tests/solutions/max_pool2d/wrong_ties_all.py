# wrong(max_pool2d_backward): every element equal to the window maximum gets the gradient
"""The mask-based backward of many tutorials: mask = (window == window.max())."""

import numpy as np
from correct_loops import max_pool2d_forward  # noqa: F401


def max_pool2d_backward(dout, cache):
    x, (kh, kw), (sh, sw), (ph, pw) = cache
    _n, _c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    dxp = np.zeros_like(xp)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            win = xp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw]
            mask = win == win.max(axis=(2, 3), keepdims=True)
            dxp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw] += (
                mask * dout[:, :, i : i + 1, j : j + 1]
            )
    return dxp[:, :, ph : ph + h, pw : pw + w]
