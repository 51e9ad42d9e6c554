"""Kata `residual_block`: ResNet's basic block (without batch norm), forward and backward, in NumPy.

`out = relu(conv3x3(relu(conv3x3(x, w1, b1)), w2, b2) + x)`: two 3x3 convolutions (PyTorch's
cross-correlation, stride 1, zero padding 1) with a ReLU between them, the identity skip added to
the second convolution's output, and a final ReLU. All arrays are float64; never modify an input
in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def residual_block_forward(
    x: np.ndarray, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray
) -> tuple[np.ndarray, Any]:
    """`out = relu(conv3x3(relu(conv3x3(x, w1, b1)), w2, b2) + x)`.

    Each `conv3x3(a, w, b)` is `torch.nn.functional.conv2d(a, w, b, stride=1, padding=1)`, so
    every intermediate map keeps the shape `(N, C, H, W)`. The skip is added before the final
    ReLU. `relu(z) = max(z, 0)`.

    Args:
        x: input, shape `(N, C, H, W)`.
        w1: first convolution's filters, shape `(C, C, 3, 3)`.
        b1: first convolution's bias, shape `(C,)`.
        w2: second convolution's filters, shape `(C, C, 3, 3)`.
        b2: second convolution's bias, shape `(C,)`.

    Returns:
        `(out, cache)`: `out` has shape `(N, C, H, W)`; `cache` is anything you need in
        `residual_block_backward` (it never leaves your process).

    Raises:
        ValueError: if `x` is not 4-D; if `w1` or `w2` is not exactly `(C, C, 3, 3)` for `x`'s
            `C` channels (the identity skip needs `C` output channels); or if `b1` or `b2` is
            not `(C,)`. This holds even where NumPy would broadcast: a `(C, C, 1, 1)` kernel, a
            filter bank with one input or output channel, a `(1,)` bias.
    """
    raise NotImplementedError


def residual_block_backward(
    dout: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a loss L through `residual_block_forward`.

    Each ReLU passes the gradient where its input was strictly positive; at exactly 0 the
    gradient is 0 (PyTorch's choice).

    Args:
        dout: upstream gradient dL/dout, shape `(N, C, H, W)`.
        cache: the cache returned by `residual_block_forward`.

    Returns:
        `(dx, dw1, db1, dw2, db2)`, each with the shape of what it is the gradient of. `dx`
        includes the gradient through the skip connection.

    Raises:
        ValueError: if `dout` does not have the output's shape `(N, C, H, W)`, even where it
            would broadcast (e.g. `(N, 1, H, W)`).
    """
    raise NotImplementedError
