# correct: plain Python loops over every window and every kernel cell
"""avg_pool2d with explicit loops; out-of-range cells are padding and contribute 0."""

from __future__ import annotations

from typing import Any

import numpy as np


def _pair(value: Any, name: str) -> tuple[int, int]:
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name} must be an int or a pair, got {value!r}")
        a, b = value
    else:
        a = b = value
    for v in (a, b):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise ValueError(f"{name} must contain integers, got {value!r}")
    return int(a), int(b)


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError("x must have shape (N, C, H, W)")
    kh, kw = _pair(kernel_size, "kernel_size")
    sh, sw = _pair(kernel_size if stride is None else stride, "stride")
    ph, pw = _pair(padding, "padding")
    if min(kh, kw, sh, sw) <= 0:
        raise ValueError("kernel_size and stride must be positive")
    if ph < 0 or pw < 0 or ph > kh / 2 or pw > kw / 2:
        raise ValueError("padding must be between 0 and half the kernel size")
    n, c, h, w = x.shape
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError("kernel larger than the padded input")
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    out = np.zeros((n, c, h_out, w_out))
    for s in range(n):
        for ch in range(c):
            for i in range(h_out):
                for j in range(w_out):
                    total = 0.0
                    for a in range(kh):
                        for b in range(kw):
                            p, q = i * sh + a - ph, j * sw + b - pw
                            if 0 <= p < h and 0 <= q < w:
                                total += x[s, ch, p, q]
                    out[s, ch, i, j] = total / (kh * kw)
    return out, ((n, c, h, w), (kh, kw), (sh, sw), (ph, pw))


def avg_pool2d_backward(dout, cache):
    (n, c, h, w), (kh, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    if dout.shape != (n, c, h_out, w_out):
        raise ValueError(f"dout must have shape {(n, c, h_out, w_out)}, got {dout.shape}")
    dx = np.zeros((n, c, h, w))
    for s in range(n):
        for ch in range(c):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    share = dout[s, ch, i, j] / (kh * kw)
                    for a in range(kh):
                        for b in range(kw):
                            p, q = i * sh + a - ph, j * sw + b - pw
                            if 0 <= p < h and 0 <= q < w:
                                dx[s, ch, p, q] += share
    return dx
