"""Kata `concat`: concatenation along an axis, as `torch.cat`, forward and backward, in NumPy.

The forward pass joins a list of arrays end to end along one axis (by default axis 1, the
channels of `(N, C, H, W)` feature maps or the features of `(N, D)` inputs). The backward pass
hands each input the part of the upstream gradient that its values occupy in the output. All
arrays are float64; never modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def concat_forward(xs: list[np.ndarray], axis: int = 1) -> tuple[np.ndarray, Any]:
    """`out = torch.cat(xs, dim=axis)` (what `np.concatenate(xs, axis=axis)` computes).

    Args:
        xs: a non-empty list of arrays. They have the same number of dimensions `ndim` and the
            same size on every axis but `axis`; along `axis` their sizes may differ (0 included).
        axis: the axis to join along, `-ndim <= axis < ndim`; a negative axis counts from the end
            (`-1` is the last axis). Note the default: axis 1 (channels or features), not 0.

    Returns:
        `(out, cache)`: `out` has the inputs' common shape with their sizes along `axis` added
        up, `xs[0]`'s values first; `cache` is anything you need in `concat_backward` (it never
        leaves your process).

    Raises:
        ValueError: if `xs` is empty, the arrays differ in their number of dimensions or in a
            size on an axis other than `axis` (even where NumPy would broadcast a size of 1), or
            `axis` is out of range for their number of dimensions.
    """
    raise NotImplementedError


def concat_backward(dout: np.ndarray, cache: Any) -> list[np.ndarray]:
    """Gradients of a loss L through `out = concat(xs, axis)`.

    Args:
        dout: upstream gradient dL/dout, the shape of the forward output.
        cache: the cache returned by `concat_forward`.

    Returns:
        A list with one gradient per input, in input order: `dL/dxs[i]` has the shape of
        `xs[i]` and is the slice of `dout` that `xs[i]` occupies in `out` (views of `dout` are
        fine; `dout` itself is not modified).
    """
    raise NotImplementedError
