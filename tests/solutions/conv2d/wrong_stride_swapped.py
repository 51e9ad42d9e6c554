# wrong(conv2d_forward): stride pair swapped, stride_h used for the width and vice versa
"""Rows advance by stride[1] and columns by stride[0]: invisible with a square stride."""

from __future__ import annotations

from correct_loops import _pair, conv2d_backward  # noqa: F401
from correct_loops import conv2d_forward as _forward


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    stride_h, stride_w = _pair(stride, "stride", 1)
    return _forward(x, w, b, stride=(stride_w, stride_h), padding=padding)
