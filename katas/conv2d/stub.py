"""Kata `conv2d`: 2-D convolution, as `torch.nn.functional.conv2d`, forward and backward, in NumPy.

Implement the forward pass (a cross-correlation: the kernel is not flipped) with stride and zero
padding, and the backward pass that turns the upstream gradient `dout` into the gradients for the
input, the weights and the bias. Layouts are PyTorch's. All arrays are float64; never modify an
input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def conv2d_forward(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray,
    *,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, Any]:
    """2-D cross-correlation of a batch of images with a bank of filters, plus a bias.

    `out[n, o, i, j] = b[o] + sum over c, p, q of
    xp[n, c, i * stride_h + p, j * stride_w + q] * w[o, c, p, q]`, where `xp` is `x` with
    `pad_h` rows of zeros added above AND below and `pad_w` columns of zeros left AND right.

    Args:
        x: input, shape `(N, C, H, W)`.
        w: filters, shape `(C_out, C, KH, KW)` (PyTorch's layout).
        b: bias, shape `(C_out,)`, one value per output channel.
        stride: an int, or a pair `(stride_h, stride_w)` of ints; each at least 1.
        padding: an int, or a pair `(pad_h, pad_w)` of ints; each at least 0. Zero padding on
            both sides of each spatial axis.

    Returns:
        `(out, cache)`: `out` has shape `(N, C_out, H_out, W_out)` with
        `H_out = (H + 2 * pad_h - KH) // stride_h + 1` and
        `W_out = (W + 2 * pad_w - KW) // stride_w + 1` (rounded down: trailing rows or columns
        that no full window reaches are ignored); `cache` is anything you need in
        `conv2d_backward` (it never leaves your process).

    Raises:
        ValueError: if `x` is not 4-D; if `w` is not 4-D with `w.shape[1]` equal to `x`'s
            channel count `C`; if `b` is not of shape `(C_out,)`; if `stride` or `padding` is
            not an int or a pair of ints (a float such as 1.5, or a tuple of another length);
            if a stride is below 1 (0 or negative) or a padding below 0; or if the kernel is
            larger than the padded input (`KH > H + 2 * pad_h` or `KW > W + 2 * pad_w`). A
            kernel exactly as large as the padded input is fine (a 1-pixel output). Each of
            these must raise even where NumPy would quietly compute something (a
            `(C_out, 1, KH, KW)` kernel or a `(1,)` bias broadcasts, a negative slice step
            walks backwards).
    """
    raise NotImplementedError


def conv2d_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a loss L through `conv2d_forward`.

    Args:
        dout: upstream gradient dL/dout, shape `(N, C_out, H_out, W_out)`.
        cache: the cache returned by `conv2d_forward`.

    Returns:
        `(dx, dw, db)`: dL/dx of shape `(N, C, H, W)` (the unpadded input: the padding is a
        constant and gets no gradient), dL/dw of shape `(C_out, C, KH, KW)`, dL/db of shape
        `(C_out,)`.

    Raises:
        ValueError: if `dout` does not have the forward output's shape
            `(N, C_out, H_out, W_out)`, even where it would broadcast.
    """
    raise NotImplementedError
