# wrong(conv2d_backward): a 1x1 fast path computes dx = w^T . dout, forgetting stride and padding
"""A 1x1 convolution is a matrix product at every pixel, so its input gradient looks like
einsum('oc,nohw->nchw', w, dout). That is only true with stride 1 and no padding: otherwise dout
lives on a subsampled, shifted grid and must be scattered back onto the padded input."""

from __future__ import annotations

import numpy as np
from correct_vectorised import conv2d_backward as _backward
from correct_vectorised import conv2d_forward  # noqa: F401


def conv2d_backward(dout, cache):
    w = cache[1]
    dx, dw, db = _backward(dout, cache)
    if w.shape[2:] == (1, 1):
        dx = np.zeros(dx.shape)
        fast = np.einsum("oc,nohw->nchw", w[:, :, 0, 0], dout)
        h, wd = min(dx.shape[2], fast.shape[2]), min(dx.shape[3], fast.shape[3])
        dx[:, :, :h, :wd] = fast[:, :, :h, :wd]
    return dx, dw, db
