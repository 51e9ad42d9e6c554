# wrong(conv2d_backward): dx cropped as dxp[:, :, :H, :W], not pad removed from each side
"""Right when padding is 0; with padding the gradient is shifted and border rows are lost."""

from __future__ import annotations

import numpy as np
from correct_loops import conv2d_forward  # noqa: F401


def conv2d_backward(dout, cache):
    (_, _, h, wd), xp, w, sh, sw, _, _ = cache
    kh, kw = w.shape[2:]
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
