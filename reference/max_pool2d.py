"""Reference solution for the max_pool2d kata: 2-D max pooling, forward and backward.

Semantics are those of ``torch.nn.functional.max_pool2d`` with ``dilation=1`` and
``ceil_mode=False``: implicit ``-inf`` padding, output size rounded down, and the backward pass
routes each window's gradient to the first maximum of the window in row-major order.
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


def max_pool2d_forward(
    x: np.ndarray,
    *,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, Any]:
    """Max pooling of ``x (N, C, H, W)``; returns ``(out (N, C, H_out, W_out), cache)``."""
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
    n, c, h, w = x.shape
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError(
            f"kernel {(kh, kw)} is larger than the padded input {(h + 2 * ph, w + 2 * pw)}"
        )
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1

    # -inf padding can never win a max (each window holds at least one real element
    # because padding <= kernel // 2).
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    # (N, C, Hp - kh + 1, Wp - kw + 1, kh, kw), then keep every stride-th window:
    # exactly h_out x w_out of them remain.
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    flat = windows.reshape(n, c, h_out, w_out, kh * kw)
    # argmax returns the first occurrence: PyTorch's tie-break (row-major within the window).
    arg = flat.argmax(axis=-1)
    out = np.take_along_axis(flat, arg[..., None], axis=-1)[..., 0]
    cache = (x.shape, arg, (kh, kw), (sh, sw), (ph, pw))
    return out, cache


def max_pool2d_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient with respect to ``x`` given ``dout (N, C, H_out, W_out)``."""
    (n, c, h, w), arg, (_, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != arg.shape:
        raise ValueError(f"dout must have shape {arg.shape}, got {dout.shape}")
    h_out, w_out = arg.shape[2:]
    # Coordinates (in the padded input) of the element that won each window.
    rows = (np.arange(h_out) * sh)[:, None] + arg // kw
    cols = (np.arange(w_out) * sw)[None, :] + arg % kw
    ni = np.arange(n)[:, None, None, None]
    ci = np.arange(c)[None, :, None, None]
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    # add.at accumulates repeated indices: with overlapping windows one element can be the
    # maximum of several windows and must receive the sum of their gradients.
    np.add.at(dxp, (ni, ci, rows, cols), dout)
    return dxp[:, :, ph : ph + h, pw : pw + w].copy()
