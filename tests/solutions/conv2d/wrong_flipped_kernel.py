# wrong(conv2d_forward): true convolution, the kernel flipped (conv2d is a cross-correlation)
"""The textbook definition of convolution, (x * w)[i] = sum_k x[i - k] w[k], flips the kernel."""

from __future__ import annotations

from correct_loops import conv2d_backward  # noqa: F401
from correct_loops import conv2d_forward as _cross_correlate


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    flipped = w[:, :, ::-1, ::-1]
    return _cross_correlate(x, flipped, b, stride=stride, padding=padding)
