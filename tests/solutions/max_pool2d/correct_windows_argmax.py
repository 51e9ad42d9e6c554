# correct: sliding_window_view over the padded input, argmax of a mask "real cell equal to the max"
"""Every window at once; the winner is the first real cell equal to the window's maximum, so
padding never wins, not even when the window's real cells are all -inf."""

import numpy as np
from correct_vectorised import _setup
from numpy.lib.stride_tricks import sliding_window_view


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, (kh, kw), (sh, sw), (ph, pw), (h_out, w_out) = _setup(x, kernel_size, stride, padding)
    pads = ((0, 0), (0, 0), (ph, ph), (pw, pw))
    shape = (*x.shape[:2], h_out, w_out, kh * kw)

    def windows(a):
        view = sliding_window_view(a, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
        return view[:, :, :h_out, :w_out].reshape(shape)

    values = windows(np.pad(x, pads, constant_values=-np.inf))
    real = windows(np.pad(np.ones(x.shape, dtype=bool), pads))
    out = values.max(axis=-1)
    winner = (real & (values == out[..., None])).argmax(axis=-1)  # first True, row-major
    return out, ((x.shape, (kh, kw), (sh, sw), (ph, pw)), winner)


def max_pool2d_backward(dout, cache):
    ((n, c, h, w), (_, kw), (sh, sw), (ph, pw)), winner = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != winner.shape:
        raise ValueError(f"dout must have shape {winner.shape}, got {dout.shape}")
    rows = (np.arange(winner.shape[2]) * sh)[:, None] + winner // kw
    cols = (np.arange(winner.shape[3]) * sw)[None, :] + winner % kw
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    np.add.at(dxp, (np.arange(n)[:, None, None, None], np.arange(c)[None, :, None, None],
                    rows, cols), dout)  # fmt: skip
    return dxp[:, :, ph : ph + h, pw : pw + w]
