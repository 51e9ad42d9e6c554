# correct: plain Python loops over every window, strict > keeps the first maximum
"""max_pool2d with explicit loops; padding handled by skipping out-of-range positions."""

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


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
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
    out = np.empty((n, c, h_out, w_out))
    for s in range(n):
        for ch in range(c):
            for i in range(h_out):
                for j in range(w_out):
                    best = -np.inf
                    for a in range(kh):
                        for b in range(kw):
                            p, q = i * sh + a - ph, j * sw + b - pw
                            if 0 <= p < h and 0 <= q < w and x[s, ch, p, q] > best:
                                best = x[s, ch, p, q]
                    out[s, ch, i, j] = best
    return out, (x.copy(), (kh, kw), (sh, sw), (ph, pw))


def max_pool2d_backward(dout, cache):
    x, (kh, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    n, c, h, w = x.shape
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    if dout.shape != (n, c, h_out, w_out):
        raise ValueError(f"dout must have shape {(n, c, h_out, w_out)}, got {dout.shape}")
    dx = np.zeros_like(x)
    for s in range(n):
        for ch in range(c):
            for i in range(h_out):
                for j in range(w_out):
                    best, arg = -np.inf, None
                    for a in range(kh):
                        for b in range(kw):
                            p, q = i * sh + a - ph, j * sw + b - pw
                            if not (0 <= p < h and 0 <= q < w):
                                continue  # padding is never selected
                            if arg is None or x[s, ch, p, q] > best:  # first real cell
                                best, arg = x[s, ch, p, q], (p, q)
                    dx[s, ch, arg[0], arg[1]] += dout[s, ch, i, j]
    return dx
