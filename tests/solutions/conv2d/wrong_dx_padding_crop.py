# wrong(conv2d_backward): dx cropped from the top-left corner of the padded gradient, dxp[:, :, :H, :W], instead of removing pad from each side
"""Right whenever padding is 0; with padding the gradient is shifted and the border rows are lost."""

from __future__ import annotations

import numpy as np
from correct_loops import conv2d_forward  # noqa: F401


def conv2d_backward(dout, cache):
    (n, c, h, wd), xp, w, sh, sw, ph, pw = cache
    c_out, _, kh, kw = w.shape
    _, _, h_out, w_out = dout.shape
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(h_out):
        for j in range(w_out):
            rows = slice(i * sh, i * sh + kh)
            cols = slice(j * sw, j * sw + kw)
            dxp[:, :, rows, cols] += np.einsum("no,ocpq->ncpq", dout[:, :, i, j], w)
            dw += np.einsum("no,ncpq->ocpq", dout[:, :, i, j], xp[:, :, rows, cols])
    dx = dxp[:, :, :h, :wd].copy()
    return dx, dw, dout.sum(axis=(0, 2, 3))
