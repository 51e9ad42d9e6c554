# correct: plain Python loops, one output pixel at a time, for each step
"""Depthwise separable convolution written out with explicit loops."""

from __future__ import annotations

import numpy as np


def _pair(value, name, minimum):
    if isinstance(value, bool):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    if isinstance(value, (int, np.integer)):
        value = (value, value)
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    h, w = int(value[0]), int(value[1])
    if h < minimum or w < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return h, w


def _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise):
    c = x.shape[1]
    if w_depthwise.ndim != 4 or w_depthwise.shape[:2] != (c, 1):
        raise ValueError(f"w_depthwise must be ({c}, 1, KH, KW), got {w_depthwise.shape}")
    if b_depthwise.shape != (c,):
        raise ValueError(f"b_depthwise must be ({c},), got {b_depthwise.shape}")
    if w_pointwise.ndim != 4 or w_pointwise.shape[1:] != (c, 1, 1):
        raise ValueError(f"w_pointwise must be (C_out, {c}, 1, 1), got {w_pointwise.shape}")
    if b_pointwise.shape != (w_pointwise.shape[0],):
        raise ValueError(f"b_pointwise must be ({w_pointwise.shape[0]},)")


def _depthwise(x, w_depthwise, b_depthwise, stride, padding):
    n, c, h, w = x.shape
    kh, kw = w_depthwise.shape[2:]
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    if kh > h + 2 * ph or kw > w + 2 * pw:
        raise ValueError("the depthwise kernel is larger than the padded input")
    xp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    xp[:, :, ph : ph + h, pw : pw + w] = x
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    depth = np.zeros((n, c, h_out, w_out))
    for i_n in range(n):
        for ch in range(c):
            for i in range(h_out):
                for j in range(w_out):
                    window = xp[i_n, ch, i * sh : i * sh + kh, j * sw : j * sw + kw]
                    depth[i_n, ch, i, j] = np.sum(window * w_depthwise[ch, 0]) + b_depthwise[ch]
    return depth


def _pointwise(depth, w_pointwise, b_pointwise):
    n, c, h, w = depth.shape
    c_out = w_pointwise.shape[0]
    out = np.zeros((n, c_out, h, w))
    for i_n in range(n):
        for o in range(c_out):
            for i in range(h):
                for j in range(w):
                    total = b_pointwise[o]
                    for ch in range(c):
                        total += w_pointwise[o, ch, 0, 0] * depth[i_n, ch, i, j]
                    out[i_n, o, i, j] = total
    return out


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    _check(x, w_depthwise, b_depthwise, w_pointwise, b_pointwise)
    depth = _depthwise(x, w_depthwise, b_depthwise, stride, padding)
    return _pointwise(depth, w_pointwise, b_pointwise)
