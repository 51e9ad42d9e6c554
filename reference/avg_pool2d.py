"""Reference solution for the avg_pool2d kata: 2-D average pooling, forward and backward.

Semantics are those of ``torch.nn.functional.avg_pool2d`` with its defaults: zero padding that
counts in the average (``count_include_pad=True``), output size rounded down
(``ceil_mode=False``), padding at most half the kernel size.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _pair(value: Any, name: str) -> tuple[int, int]:
    """An int or a pair of ints as an ``(h, w)`` tuple; ValueError for anything else."""
    items = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(items) != 2 or not all(
        isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in items
    ):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    return int(items[0]), int(items[1])


def _span(n_out: int, size: int, stride: int, pad: int, offset: int) -> tuple[slice, slice]:
    """For one kernel offset along one axis: the windows whose cell at that offset is a real
    cell (not padding), and those cells, both as slices (windows in ``out``, cells in ``x``).

    Window ``i`` covers the cells ``i * stride - pad + offset`` of the input; the real ones are
    ``0 <= i * stride - pad + offset < size``, a contiguous run of windows.
    """
    first = max(0, -((offset - pad) // stride))  # ceil((pad - offset) / stride), at least 0
    stop = min(n_out, (size - 1 + pad - offset) // stride + 1)
    if stop <= first:
        return slice(0, 0), slice(0, 0)
    start = first * stride - pad + offset
    return slice(first, stop), slice(start, start + (stop - first - 1) * stride + 1, stride)


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
    h, w = x.shape[-2:]
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError(
            f"kernel {(kh, kw)} is larger than the padded input {(h + 2 * ph, w + 2 * pw)}"
        )
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1

    # Sum the kernel offsets one strided slice of x at a time; a padded cell is a zero, so it
    # adds nothing to the sum but still counts in the divisor (count_include_pad=True). With
    # ceil_mode=False no window reaches past the padded input: the divisor is always kh * kw.
    total = np.zeros((*x.shape[:-2], h_out, w_out))
    for a in range(kh):
        out_rows, x_rows = _span(h_out, h, sh, ph, a)
        for b in range(kw):
            out_cols, x_cols = _span(w_out, w, sw, pw, b)
            total[..., out_rows, out_cols] += x[..., x_rows, x_cols]
    cache = (x.shape, (kh, kw), (sh, sw), (ph, pw))
    return total / (kh * kw), cache


def avg_pool2d_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient with respect to ``x`` given ``dout (N, C, H_out, W_out)``."""
    shape, (kh, kw), (sh, sw), (ph, pw) = cache
    h, w = shape[-2:]
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    out_shape = (*shape[:-2], h_out, w_out)
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != out_shape:
        raise ValueError(f"dout must have the output's shape {out_shape}, got {dout.shape}")
    # Every cell of a window receives dout / (kh * kw) from it: the adjoint of the forward
    # loop. The padding's share is simply never written; overlapping windows reach a cell
    # through different offsets and add up across iterations.
    share = dout / (kh * kw)
    dx = np.zeros(shape)
    for a in range(kh):
        out_rows, x_rows = _span(h_out, h, sh, ph, a)
        for b in range(kw):
            out_cols, x_cols = _span(w_out, w, sw, pw, b)
            dx[..., x_rows, x_cols] += share[..., out_rows, out_cols]
    return dx
