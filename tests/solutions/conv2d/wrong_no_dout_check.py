# wrong(conv2d_backward): no ValueError for a dout of the wrong shape that broadcasts
"""einsum broadcasts an axis of length 1, so a one-channel dout quietly yields gradients."""

from __future__ import annotations

import numpy as np
from correct_vectorised import conv2d_forward  # noqa: F401
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_backward(dout, cache):
    xp, w, (sh, sw), (ph, pw) = cache
    kh, kw = w.shape[2:]
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    h_out, w_out = windows.shape[2:4]
    db = np.einsum("nohw->o", dout)
    dw = np.einsum("nohw,nchwpq->ocpq", dout, windows)
    dxp = np.zeros(xp.shape)
    for p in range(kh):
        for q in range(kw):
            rows = slice(p, p + sh * (h_out - 1) + 1, sh)
            cols = slice(q, q + sw * (w_out - 1) + 1, sw)
            dxp[:, :, rows, cols] += np.einsum("nohw,oc->nchw", dout, w[:, :, p, q])
    dx = dxp[:, :, ph : xp.shape[2] - ph, pw : xp.shape[3] - pw]
    return dx, dw, db
