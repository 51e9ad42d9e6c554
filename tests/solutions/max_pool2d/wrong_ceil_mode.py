# wrong(max_pool2d_forward): output size rounded up (ceil_mode=True) instead of down
"""Keeps a partial last window when the stride does not divide the padded input."""

import numpy as np
from correct_vectorised import _setup


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, (kh, kw), (sh, sw), (ph, pw), _ = _setup(x, kernel_size, stride, padding)
    n, c, h, w = x.shape
    h_out = -(-(h + 2 * ph - kh) // sh) + 1  # ceil instead of floor
    w_out = -(-(w + 2 * pw - kw) // sw) + 1
    extra_h = (h_out - 1) * sh + kh - (h + 2 * ph)
    extra_w = (w_out - 1) * sw + kw - (w + 2 * pw)
    xp = np.pad(
        x, ((0, 0), (0, 0), (ph, ph + extra_h), (pw, pw + extra_w)), constant_values=-np.inf
    )
    out = np.empty((n, c, h_out, w_out))
    arg = np.empty((n, c, h_out, w_out), dtype=np.int64)
    for i in range(h_out):
        for j in range(w_out):
            win = xp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw].reshape(n, c, -1)
            arg[:, :, i, j] = win.argmax(axis=-1)
            out[:, :, i, j] = win.max(axis=-1)
    return out, (x.shape, arg, (kh, kw), (sh, sw), (ph, pw), xp.shape)


def max_pool2d_backward(dout, cache):
    (n, c, h, w), arg, (_kh, kw), (sh, sw), (ph, pw), padded = cache
    dxp = np.zeros(padded)
    for i in range(arg.shape[2]):
        for j in range(arg.shape[3]):
            for s in range(n):
                for ch in range(c):
                    a, b = divmod(arg[s, ch, i, j], kw)
                    dxp[s, ch, i * sh + a, j * sw + b] += dout[s, ch, i, j]
    return dxp[:, :, ph : ph + h, pw : pw + w]
