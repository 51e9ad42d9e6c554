# correct: vectorised over batch and positions, looping over the kernel offsets
"""max_pool2d as a running maximum over the KH*KW strided slices of the padded input."""

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
    """Validated float64 input, kernel, stride, padding and output size."""
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
    size = tuple((x.shape[2 + d] + 2 * p[d] - k[d]) // s[d] + 1 for d in range(2))
    if x.shape[2] + 2 * p[0] < k[0] or x.shape[3] + 2 * p[1] < k[1]:
        raise ValueError("the kernel does not fit in the padded input")
    return x, k, s, p, size


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, (kh, kw), (sh, sw), (ph, pw), (h_out, w_out) = _setup(x, kernel_size, stride, padding)
    pads = ((0, 0), (0, 0), (ph, ph), (pw, pw))
    xp = np.pad(x, pads, constant_values=-np.inf)
    real = np.pad(np.ones(x.shape, dtype=bool), pads)  # False on the padding
    best = np.full((*x.shape[:2], h_out, w_out), -np.inf)
    where = np.full(best.shape, -1, dtype=np.int64)  # flat offset a * kw + b, -1: none yet
    for a in range(kh):
        for b in range(kw):
            window = (slice(None), slice(None), slice(a, a + sh * h_out, sh))
            window += (slice(b, b + sw * w_out, sw),)
            cand = xp[window]
            # strict >: on a tie the earlier (row-major) offset stays; the first real cell is
            # taken even when it is -inf, and padding is never taken
            better = real[window] & ((where < 0) | (cand > best))
            best = np.where(better, cand, best)
            where = np.where(better, a * kw + b, where)
    return best, (x.shape, where, (kh, kw), (sh, sw), (ph, pw))


def max_pool2d_backward(dout, cache):
    (n, c, h, w), where, (kh, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != where.shape:
        raise ValueError(f"dout has shape {dout.shape}, the output had {where.shape}")
    h_out, w_out = where.shape[2:]
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    for a in range(kh):
        for b in range(kw):
            dxp[:, :, a : a + sh * h_out : sh, b : b + sw * w_out : sw] += np.where(
                where == a * kw + b, dout, 0.0
            )
    return dxp[:, :, ph : ph + h, pw : pw + w]
