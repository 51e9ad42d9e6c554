"""Kata `depthwise_separable_conv2d`: MobileNet's factorised convolution, in NumPy.

A depthwise convolution filters each input channel with its own kernel (PyTorch's
`conv2d(x, w_depthwise, b_depthwise, stride, padding, groups=C)`), then a pointwise 1x1 convolution
mixes the channels (`conv2d(depth, w_pointwise, b_pointwise)`). Both are cross-correlations, as
PyTorch's. All arrays are float64; never modify an input in place.
"""

from __future__ import annotations

import numpy as np


def depthwise_separable_conv2d(
    x: np.ndarray,
    w_depthwise: np.ndarray,
    b_depthwise: np.ndarray,
    w_pointwise: np.ndarray,
    b_pointwise: np.ndarray,
    *,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Depthwise convolution (one filter per channel), then a 1x1 convolution across channels.

    `depth[n, c, i, j] = b_depthwise[c] + sum over p, q of
    xp[n, c, i * stride_h + p, j * stride_w + q] * w_depthwise[c, 0, p, q]`
    (`xp` is `x` zero-padded by `pad_h` rows above and below, `pad_w` columns left and right),
    then `out[n, o, i, j] = b_pointwise[o] + sum over c of
    w_pointwise[o, c, 0, 0] * depth[n, c, i, j]`.
    No activation between the two steps.

    Args:
        x: input, shape `(N, C, H, W)`.
        w_depthwise: depthwise filters, shape `(C, 1, KH, KW)`: filter `c` sees channel `c` only.
        b_depthwise: depthwise bias, shape `(C,)`.
        w_pointwise: pointwise filters, shape `(C_out, C, 1, 1)`.
        b_pointwise: pointwise bias, shape `(C_out,)`.
        stride: an int or a pair `(stride_h, stride_w)` of ints, each at least 1; depthwise step
            only.
        padding: an int or a pair `(pad_h, pad_w)` of ints, each at least 0; depthwise step
            only.

    Returns:
        `out` of shape `(N, C_out, H_out, W_out)`, with
        `H_out = (H + 2 * pad_h - KH) // stride_h + 1`, likewise for W.

    Raises:
        ValueError: if `x` is not 4-D; if `w_depthwise` is not `(C, 1, KH, KW)` for `x`'s `C`
            channels; if `w_pointwise` is not `(C_out, C, 1, 1)`; if a bias does not have
            exactly one value per channel of its step (`(C,)` and `(C_out,)`); if `stride` or
            `padding` is not an int or a pair of ints, a stride is below 1 or a padding below
            0; or if the kernel is larger than the padded input. Each must raise even where
            NumPy would broadcast or slice its way to an answer (a `(1, 1, KH, KW)` kernel, a
            `(1,)` bias, a negative slice step).
    """
    raise NotImplementedError
