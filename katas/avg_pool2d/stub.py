"""Kata `avg_pool2d`: 2-D average pooling, as PyTorch's `F.avg_pool2d`, in NumPy.

Implement the forward pass (the mean of each kernel window) and the backward pass. PyTorch's
defaults: zero padding counts in the average (`count_include_pad=True`) and the output size is
rounded down (`ceil_mode=False`). Layout `(N, C, H, W)`, float64 arrays; never modify an input.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def avg_pool2d_forward(
    x: np.ndarray,
    *,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, Any]:
    """Average pooling over `(KH, KW)` windows, as `torch.nn.functional.avg_pool2d`.

    Args:
        x: input, shape `(N, C, H, W)` (exactly 4-D: unlike PyTorch, an unbatched
            `(C, H, W)` input is not accepted).
        kernel_size: window size, an int `k` (meaning `(k, k)`) or a pair `(KH, KW)`.
        stride: step between windows, an int or a pair `(stride_h, stride_w)`;
            `None` (the default) means the kernel size.
        padding: zero padding added on both sides, an int or a pair `(pad_h, pad_w)`. The
            padded zeros count in the average: every window is divided by `KH * KW`.

    Returns:
        `(out, cache)`: `out` has shape `(N, C, H_out, W_out)` with
        `H_out = (H + 2 * pad_h - KH) // stride_h + 1` (rounded down, as PyTorch's
        `ceil_mode=False`), likewise `W_out`.
        `cache` is anything you need in `avg_pool2d_backward` (it never leaves your process).

    Raises:
        ValueError: if `x` is not 4-D; if `kernel_size`, `stride` or `padding` is neither an
            int nor a pair of ints; if a kernel size or a stride is zero or negative; if a
            padding is negative or larger than half its kernel size (`2 * pad_h > KH`, as
            PyTorch); or if the kernel is larger than the padded input
            (`H + 2 * pad_h < KH`; larger than `x` itself is fine).
    """
    raise NotImplementedError


def avg_pool2d_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient of a loss L with respect to `x` through average pooling.

    Every element of a window receives `1 / (KH * KW)` of that window's upstream gradient;
    overlapping windows add up; the share of a padded cell belongs to no element of `x`.

    Args:
        dout: upstream gradient dL/dout, shape `(N, C, H_out, W_out)`.
        cache: the cache returned by `avg_pool2d_forward`.

    Returns:
        `dx`: dL/dx, shape `(N, C, H, W)`.

    Raises:
        ValueError: if `dout` does not have the shape of the forward pass's output (also when
            it would broadcast to it).
    """
    raise NotImplementedError
