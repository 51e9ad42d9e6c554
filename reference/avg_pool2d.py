"""Reference solution for the avg_pool2d kata: 2-D average pooling, forward and backward.

Semantics are those of ``torch.nn.functional.avg_pool2d`` with its defaults: zero padding that
counts in the average (``count_include_pad=True``), output size rounded down
(``ceil_mode=False``), padding at most half the kernel size.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(value: Any, name: str) -> tuple[int, int]:
    """An int or a pair of ints as an ``(h, w)`` tuple; ValueError for anything else."""
    items = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(items) != 2 or not all(
        isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in items
    ):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    return int(items[0]), int(items[1])


def avg_pool2d_forward(
    x: np.ndarray,
    *,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, Any]:
    """Average pooling of ``x (N, C, H, W)``; returns ``(out (N, C, H_out, W_out), cache)``."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"x must be 4-D (N, C, H, W), got shape {x.shape}")
    kh, kw = _pair(kernel_size, "kernel_size")
    if kh < 1 or kw < 1:
        raise ValueError(f"kernel_size must be positive, got {(kh, kw)}")
    sh, sw = (kh, kw) if stride is None else _pair(stride, "stride")
    if sh < 1 or sw < 1:
        raise ValueError(f"stride must be positive, got {(sh, sw)}")
    ph, pw = _pair(padding, "padding")
    if ph < 0 or pw < 0:
        raise ValueError(f"padding must be non-negative, got {(ph, pw)}")
    if 2 * ph > kh or 2 * pw > kw:
        raise ValueError(f"padding {(ph, pw)} must be at most half the kernel size {(kh, kw)}")
    h, w = x.shape[2:]
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError(
            f"kernel {(kh, kw)} is larger than the padded input {(h + 2 * ph, w + 2 * pw)}"
        )

    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))  # zeros, and they count
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    # With ceil_mode=False every window lies inside the padded input, so the divisor is
    # always kh * kw (padding included): a plain mean over the window.
    out = windows.mean(axis=(-2, -1))  # (N, C, h_out, w_out)
    cache = (x.shape, (kh, kw), (sh, sw), (ph, pw))
    return out, cache


def avg_pool2d_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient with respect to ``x`` given ``dout (N, C, H_out, W_out)``."""
    (n, c, h, w), (kh, kw), (sh, sw), (ph, pw) = cache
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != (n, c, h_out, w_out):
        raise ValueError(f"dout must have shape {(n, c, h_out, w_out)}, got {dout.shape}")
    # Each output is the mean of kh * kw inputs, so every input of a window receives
    # dout / (kh * kw); loop over the kh * kw offsets and add into strided slices, which
    # sums the contributions of overlapping windows.
    share = dout / (kh * kw)
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    for i in range(kh):
        for j in range(kw):
            dxp[:, :, i : i + sh * h_out : sh, j : j + sw * w_out : sw] += share
    # Gradient that landed on the padding belongs to no input.
    return dxp[:, :, ph : ph + h, pw : pw + w].copy()
