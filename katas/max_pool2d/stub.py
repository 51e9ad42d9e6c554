"""Kata `max_pool2d`: 2-D max pooling, as PyTorch's `F.max_pool2d`, in NumPy.

Implement the forward pass (the maximum of each kernel window) and the backward pass, which
sends each window's upstream gradient to the element that was its maximum. Layout `(N, C, H, W)`,
float64 arrays; never modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def max_pool2d_forward(
    x: np.ndarray,
    *,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, Any]:
    """Max pooling over `(KH, KW)` windows, as `torch.nn.functional.max_pool2d`.

    Args:
        x: input, shape `(N, C, H, W)` (exactly 4-D: unlike PyTorch, an unbatched
            `(C, H, W)` input is not accepted).
        kernel_size: window size, an int `k` (meaning `(k, k)`) or a pair `(KH, KW)`.
        stride: step between windows, an int or a pair `(stride_h, stride_w)`;
            `None` (the default) means the kernel size, so windows do not overlap.
        padding: implicit `-inf` padding added on both sides, an int or a pair
            `(pad_h, pad_w)`; a padded cell never wins a maximum.

    Returns:
        `(out, cache)`: `out` has shape `(N, C, H_out, W_out)` with
        `H_out = (H + 2 * pad_h - KH) // stride_h + 1` (rounded down, as PyTorch's
        `ceil_mode=False`, also when the stride does not divide the input), likewise `W_out`.
        `cache` is anything you need in `max_pool2d_backward` (it never leaves your process).

    Raises:
        ValueError: if `x` is not 4-D; if `kernel_size`, `stride` or `padding` is neither an
            int nor a pair of ints; if a kernel size or a stride is zero or negative; if a
            padding is negative or larger than half its kernel size (`2 * pad_h > KH`, as
            PyTorch); or if the kernel is larger than the padded input
            (`H + 2 * pad_h < KH`; larger than `x` itself is fine).
    """
    raise NotImplementedError


def max_pool2d_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient of a loss L with respect to `x` through max pooling.

    Each window passes its upstream gradient to exactly one of its real cells (padding is never
    selected): its maximum. When several cells of a window tie for the maximum, the first in
    row-major order within the window gets it (PyTorch's choice); when every real cell of a
    window is `-inf`, that is the window's first real cell. When windows overlap, an element
    that is the maximum of several windows receives the sum of their gradients.

    Args:
        dout: upstream gradient dL/dout, shape `(N, C, H_out, W_out)`.
        cache: the cache returned by `max_pool2d_forward`.

    Returns:
        `dx`: dL/dx, shape `(N, C, H, W)`.

    Raises:
        ValueError: if `dout` does not have the shape of the forward pass's output (also when
            it would broadcast to it).
    """
    raise NotImplementedError
