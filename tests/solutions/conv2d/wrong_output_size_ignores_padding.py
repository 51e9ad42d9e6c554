# wrong(conv2d_forward): output size (H - KH) // stride + 1 from the unpadded input, padding ignored
"""The input is padded, but the output size is computed as if it were not: with padding the
output loses its last 2 * pad rows and columns. The backward pass mirrors the same windows, so it
is right for this forward pass; only the forward pass is wrong."""

from __future__ import annotations

import numpy as np
from correct_loops import _pair


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
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = max((h - kh) // sh + 1, 1)
    w_out = max((wd - kw) // sw + 1, 1)
    out = np.zeros((n, c_out, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = xp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw]
            out[:, :, i, j] = np.einsum("nchw,ochw->no", window, w) + b
    return out, (x.shape, xp, w.copy(), sh, sw, ph, pw)


def conv2d_backward(dout, cache):
    (n, _, h, wd), xp, w, sh, sw, ph, pw = cache
    c_out, _, kh, kw = w.shape
    h_out = max((h - kh) // sh + 1, 1)
    w_out = max((wd - kw) // sw + 1, 1)
    if dout.shape != (n, c_out, h_out, w_out):
        raise ValueError(f"dout must have shape {(n, c_out, h_out, w_out)}, got {dout.shape}")
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(h_out):
        for j in range(w_out):
            rows = slice(i * sh, i * sh + kh)
            cols = slice(j * sw, j * sw + kw)
            g = dout[:, :, i, j]
            dxp[:, :, rows, cols] += np.einsum("no,ochw->nchw", g, w)
            dw += np.einsum("no,nchw->ochw", g, xp[:, :, rows, cols])
    db = dout.sum(axis=(0, 2, 3))
    return dxp[:, :, ph : ph + h, pw : pw + wd].copy(), dw, db
