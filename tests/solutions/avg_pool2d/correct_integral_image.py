# correct: summed-area table forward, corner-difference array + cumsum backward
"""avg_pool2d in O(1) per window: window sums from an integral image; the backward pass is
its adjoint, four signed corner updates per window followed by a 2-D cumulative sum."""

from __future__ import annotations

from typing import Any

import numpy as np


def _pair(value: Any, name: str) -> tuple[int, int]:
    pair = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(pair) != 2 or any(
        isinstance(v, bool) or not isinstance(v, (int, np.integer)) for v in pair
    ):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    return int(pair[0]), int(pair[1])


def _setup(x, kernel_size, stride, padding):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"expected a 4-D input, got shape {x.shape}")
    k = _pair(kernel_size, "kernel_size")
    s = k if stride is None else _pair(stride, "stride")
    p = _pair(padding, "padding")
    if min(k) < 1 or min(s) < 1:
        raise ValueError("kernel_size and stride must be at least 1")
    if min(p) < 0 or 2 * p[0] > k[0] or 2 * p[1] > k[1]:
        raise ValueError(f"padding {p} must be in [0, kernel_size / 2] for kernel {k}")
    if x.shape[2] + 2 * p[0] < k[0] or x.shape[3] + 2 * p[1] < k[1]:
        raise ValueError("the kernel does not fit in the padded input")
    size = tuple((x.shape[2 + d] + 2 * p[d] - k[d]) // s[d] + 1 for d in range(2))
    return x, k, s, p, size


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, (kh, kw), (sh, sw), (ph, pw), (h_out, w_out) = _setup(x, kernel_size, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    # sat[..., r, q] = sum of xp[..., :r, :q]
    sat = np.zeros((*xp.shape[:2], xp.shape[2] + 1, xp.shape[3] + 1))
    sat[:, :, 1:, 1:] = xp.cumsum(axis=2).cumsum(axis=3)
    top = np.arange(h_out) * sh
    left = np.arange(w_out) * sw
    t, b = top[:, None], (top + kh)[:, None]
    lft, r = left[None, :], (left + kw)[None, :]
    sums = sat[:, :, b, r] - sat[:, :, t, r] - sat[:, :, b, lft] + sat[:, :, t, lft]
    return sums / (kh * kw), (x.shape, (kh, kw), (sh, sw), (ph, pw))


def avg_pool2d_backward(dout, cache):
    (n, c, h, w), (kh, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    if dout.shape != (n, c, h_out, w_out):
        raise ValueError(f"dout has shape {dout.shape}, the output had {(n, c, h_out, w_out)}")
    share = dout / (kh * kw)
    # A window adds `share` on a rectangle: +share at its top-left corner, -share just below
    # and just right of it, +share diagonally past it; a 2-D cumsum turns that into the box.
    diff = np.zeros((n, c, h + 2 * ph + 1, w + 2 * pw + 1))
    top = (np.arange(h_out) * sh)[:, None]
    left = (np.arange(w_out) * sw)[None, :]
    ni = np.arange(n)[:, None, None, None]
    ci = np.arange(c)[None, :, None, None]
    np.add.at(diff, (ni, ci, top, left), share)
    np.add.at(diff, (ni, ci, top + kh, left), -share)
    np.add.at(diff, (ni, ci, top, left + kw), -share)
    np.add.at(diff, (ni, ci, top + kh, left + kw), share)
    dxp = diff.cumsum(axis=2).cumsum(axis=3)
    return dxp[:, :, ph : ph + h, pw : pw + w]
