# wrong(max_pool2d_backward): argmax over the -inf-padded window: all -inf windows lose grads
"""Forward and backward over windows of the padded input: np.argmax picks the first maximum,
which is a padded -inf cell when the window's real cells are all -inf too."""

import numpy as np
from correct_vectorised import _setup
from numpy.lib.stride_tricks import sliding_window_view


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, (kh, kw), (sh, sw), (ph, pw), (h_out, w_out) = _setup(x, kernel_size, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    flat = windows[:, :, :h_out, :w_out].reshape(*x.shape[:2], h_out, w_out, kh * kw)
    arg = flat.argmax(axis=-1)
    out = np.take_along_axis(flat, arg[..., None], axis=-1)[..., 0]
    return out, (x.shape, arg, (kh, kw), (sh, sw), (ph, pw))


def max_pool2d_backward(dout, cache):
    (n, c, h, w), arg, (_, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != arg.shape:
        raise ValueError(f"dout must have shape {arg.shape}, got {dout.shape}")
    h_out, w_out = arg.shape[2:]
    rows = (np.arange(h_out) * sh)[:, None] + arg // kw
    cols = (np.arange(w_out) * sw)[None, :] + arg % kw
    ni = np.arange(n)[:, None, None, None]
    ci = np.arange(c)[None, :, None, None]
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    np.add.at(dxp, (ni, ci, rows, cols), dout)
    return dxp[:, :, ph : ph + h, pw : pw + w].copy()
