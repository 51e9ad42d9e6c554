# correct: im2col with as_strided and one matrix product; col2im with np.add.at
"""conv2d as a matrix product: every receptive field unrolled into one row of a big matrix."""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided


def _int(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be made of ints, got {value!r}")
    return int(value)


def _pair(value, name, minimum):
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise ValueError(f"{name} needs two values")
        pair = (_int(value[0], name), _int(value[1], name))
    else:
        pair = (_int(value, name), _int(value, name))
    if min(pair) < minimum:
        raise ValueError(f"{name} must be >= {minimum}")
    return pair


def _cols(xp, kh, kw, sh, sw):
    """(N, H_out, W_out, C, KH, KW) read-only view of every receptive field."""
    n, c, hp, wp = xp.shape
    h_out, w_out = (hp - kh) // sh + 1, (wp - kw) // sw + 1
    s_n, s_c, s_h, s_w = xp.strides
    return as_strided(
        xp,
        shape=(n, h_out, w_out, c, kh, kw),
        strides=(s_n, s_h * sh, s_w * sw, s_c, s_h, s_w),
        writeable=False,
    )


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    c_out, c_in, kh, kw = w.shape
    if x.shape[1] != c_in:
        raise ValueError("x's channels differ from w's C_in")
    if b.shape != (c_out,):
        raise ValueError("b needs one value per output channel")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.ascontiguousarray(np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw))))
    if kh > xp.shape[2] or kw > xp.shape[3]:
        raise ValueError("the kernel is larger than the padded input")
    cols = _cols(xp, kh, kw, sh, sw)
    n, h_out, w_out = cols.shape[:3]
    mat = cols.reshape(n * h_out * w_out, c_in * kh * kw)
    out = mat @ w.reshape(c_out, -1).T + b
    out = out.reshape(n, h_out, w_out, c_out).transpose(0, 3, 1, 2)
    return np.ascontiguousarray(out), (x.shape, xp, mat, w, sh, sw, ph, pw)


def conv2d_backward(dout, cache):
    x_shape, xp, mat, w, sh, sw, ph, pw = cache
    c_out, c_in, kh, kw = w.shape
    n = xp.shape[0]
    h_out, w_out = (xp.shape[2] - kh) // sh + 1, (xp.shape[3] - kw) // sw + 1
    if dout.shape != (n, c_out, h_out, w_out):
        raise ValueError("dout must have the shape of the forward output")
    g = dout.transpose(0, 2, 3, 1).reshape(-1, c_out)  # (N*H_out*W_out, C_out)
    dw = (g.T @ mat).reshape(w.shape)
    db = g.sum(axis=0)
    dcols = (g @ w.reshape(c_out, -1)).reshape(n, h_out, w_out, c_in, kh, kw)
    # col2im: index arrays of every (row, col) each column entry came from, then add.at.
    rows = (np.arange(h_out) * sh)[:, None] + np.arange(kh)[None, :]  # (H_out, KH)
    cols = (np.arange(w_out) * sw)[:, None] + np.arange(kw)[None, :]  # (W_out, KW)
    dxp = np.zeros(xp.shape)
    np.add.at(
        dxp,
        (
            np.arange(n)[:, None, None, None, None, None],
            np.arange(c_in)[None, None, None, :, None, None],
            rows[None, :, None, None, :, None],
            cols[None, None, :, None, None, :],
        ),
        dcols,
    )
    h, wd = x_shape[2:]
    return dxp[:, :, ph : ph + h, pw : pw + wd].copy(), dw, db
