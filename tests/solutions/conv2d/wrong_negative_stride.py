# wrong(conv2d_forward): only a stride of 0 is refused; a negative stride walks the image backwards
"""`if 0 in (sh, sw)` catches the stride that never moves, but windows[..., ::-1] is valid NumPy:
a negative stride silently returns the windows in reverse order instead of raising ValueError."""

from __future__ import annotations

import numpy as np
from correct_vectorised import conv2d_backward  # noqa: F401
from numpy.lib.stride_tricks import sliding_window_view


def _pair(value):
    if isinstance(value, bool) or not isinstance(value, (int, tuple, list)):
        raise ValueError(f"expected an int or a pair, got {value!r}")
    h, w = (value, value) if isinstance(value, int) else tuple(value)
    return int(h), int(w)


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    if x.ndim != 4 or w.ndim != 4 or x.shape[1] != w.shape[1] or b.shape != w.shape[:1]:
        raise ValueError("shapes do not match")
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    if sh == 0 or sw == 0:
        raise ValueError("stride 0")
    if ph < 0 or pw < 0:
        raise ValueError("negative padding")
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    kh, kw = w.shape[2:]
    if kh > xp.shape[2] or kw > xp.shape[3]:
        raise ValueError("kernel larger than the padded input")
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    out = np.einsum("nchwpq,ocpq->nohw", windows, w) + b[None, :, None, None]
    return out, (xp, w, (sh, sw), (ph, pw))
