# wrong(conv2d_backward): dx scatters the kernel rotated by 180 degrees (a recipe misapplied)
"""The forward pass is right. The backward pass remembers that dx is a full convolution of dout
with the kernel rotated by 180 degrees, but it scatters windows (which needs the kernel as it
is) and rotates anyway: dx comes out as if the forward pass had used the flipped kernel."""

from __future__ import annotations

import numpy as np


def _pair(value, name, minimum):
    if isinstance(value, bool):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    if isinstance(value, (int, np.integer)):
        value = (value, value)
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    h, w = int(value[0]), int(value[1])
    if h < minimum or w < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return h, w


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    n, c, h, wd = x.shape
    c_out, c_in, kh, kw = w.shape
    if c != c_in:
        raise ValueError(f"channel mismatch: x has {c}, w expects {c_in}")
    if b.shape != (c_out,):
        raise ValueError(f"b must have shape ({c_out},), got {b.shape}")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    if kh > h + 2 * ph or kw > wd + 2 * pw:
        raise ValueError("kernel larger than the padded input")
    xp = np.zeros((n, c, h + 2 * ph, wd + 2 * pw))
    xp[:, :, ph : ph + h, pw : pw + wd] = x
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    out = np.zeros((n, c_out, h_out, w_out))
    for i_n in range(n):
        for o in range(c_out):
            for i in range(h_out):
                for j in range(w_out):
                    window = xp[i_n, :, i * sh : i * sh + kh, j * sw : j * sw + kw]
                    out[i_n, o, i, j] = np.sum(window * w[o]) + b[o]
    return out, (x.shape, xp, w.copy(), sh, sw, ph, pw)


def conv2d_backward(dout, cache):
    (n, _, h, wd), xp, w, sh, sw, ph, pw = cache
    c_out, _, kh, kw = w.shape
    h_out = (xp.shape[2] - kh) // sh + 1
    w_out = (xp.shape[3] - kw) // sw + 1
    if dout.shape != (n, c_out, h_out, w_out):
        raise ValueError(f"dout must have shape {(n, c_out, h_out, w_out)}, got {dout.shape}")
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    db = np.zeros(c_out)
    for i_n in range(n):
        for o in range(c_out):
            for i in range(h_out):
                for j in range(w_out):
                    g = dout[i_n, o, i, j]
                    rows = slice(i * sh, i * sh + kh)
                    cols = slice(j * sw, j * sw + kw)
                    dxp[i_n, :, rows, cols] += g * w[o, :, ::-1, ::-1]
                    dw[o] += g * xp[i_n, :, rows, cols]
                    db[o] += g
    dx = dxp[:, :, ph : ph + h, pw : pw + wd].copy()
    return dx, dw, db
