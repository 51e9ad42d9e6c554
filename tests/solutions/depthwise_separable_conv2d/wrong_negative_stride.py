# wrong(depthwise_separable_conv2d): only a stride of 0 is refused; a negative stride runs backwards
"""windows[..., ::-1] is valid NumPy: a negative stride returns the depthwise windows in reverse
order instead of raising ValueError."""

from __future__ import annotations

import numpy as np
from correct_loops import _check
from numpy.lib.stride_tricks import sliding_window_view


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    if x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise)
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    if not all(isinstance(v, int) for v in (sh, sw, ph, pw)):
        raise ValueError("stride and padding must be ints")
    if sh == 0 or sw == 0 or ph < 0 or pw < 0:
        raise ValueError("stride 0 or negative padding")
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    kh, kw = w_depthwise.shape[2:]
    if kh > xp.shape[2] or kw > xp.shape[3]:
        raise ValueError("the depthwise kernel is larger than the padded input")
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    depth = np.einsum("nchwpq,cpq->nchw", windows, w_depthwise[:, 0]) + b_depthwise[:, None, None]
    return np.einsum("nchw,oc->nohw", depth, w_pointwise[:, :, 0, 0]) + b_pointwise[:, None, None]
