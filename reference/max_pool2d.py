"""Reference solution for the max_pool2d kata: 2-D max pooling, forward and backward.

Semantics are those of ``torch.nn.functional.max_pool2d`` with ``dilation=1`` and
``ceil_mode=False``: implicit ``-inf`` padding, output size rounded down, and the backward pass
routes each window's gradient to the first maximum of the window's real cells in row-major order
(a window whose real cells are all ``-inf`` sends it to its first real cell; padding never gets it).
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
    h, w = x.shape[-2:]
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError(
            f"kernel {(kh, kw)} is larger than the padded input {(h + 2 * ph, w + 2 * pw)}"
        )
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1

    # Scan the kernel offsets in row-major order, each one a strided slice of x holding that
    # offset's real cells for every window at once. Padding is never read, so it never wins;
    # `winner` is the flat offset a * kw + b of each window's choice, -1 until its first real
    # cell is seen. A real cell replaces the choice only when strictly greater: the first
    # maximum in row-major order wins, and a window of -inf cells keeps its first real cell.
    best = np.full((*x.shape[:-2], h_out, w_out), -np.inf)
    winner = np.full(best.shape, -1, dtype=np.int64)
    for a in range(kh):
        out_rows, x_rows = _span(h_out, h, sh, ph, a)
        for b in range(kw):
            out_cols, x_cols = _span(w_out, w, sw, pw, b)
            cell = x[..., x_rows, x_cols]
            here = (..., out_rows, out_cols)
            take = (winner[here] < 0) | (cell > best[here])
            best[here] = np.where(take, cell, best[here])
            winner[here] = np.where(take, a * kw + b, winner[here])
    cache = (x.shape, winner, (kh, kw), (sh, sw), (ph, pw))
    return best, cache


def max_pool2d_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient with respect to ``x`` given ``dout (N, C, H_out, W_out)``."""
    shape, winner, (kh, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != winner.shape:
        raise ValueError(f"dout must have the output's shape {winner.shape}, got {dout.shape}")
    h, w = shape[-2:]
    h_out, w_out = winner.shape[-2:]
    dx = np.zeros(shape)
    for a in range(kh):
        out_rows, x_rows = _span(h_out, h, sh, ph, a)
        for b in range(kw):
            out_cols, x_cols = _span(w_out, w, sw, pw, b)
            here = (..., out_rows, out_cols)
            # Within one offset the windows' cells are distinct (stride >= 1), so a slice `+=`
            # is safe; overlapping windows reach the same cell through different offsets and
            # add up across iterations.
            dx[..., x_rows, x_cols] += np.where(winner[here] == a * kw + b, dout[here], 0.0)
    return dx
