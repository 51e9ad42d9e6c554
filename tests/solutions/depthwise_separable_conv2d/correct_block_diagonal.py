# correct: depthwise as a full im2col conv with a block-diagonal kernel; tensordot pointwise
"""groups=C is a full convolution whose kernel is zero between different channels."""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided


def _pair(value, name, minimum):
    pair = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if any(isinstance(v, bool) or not isinstance(v, (int, np.integer)) for v in pair):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    if len(pair) != 2 or min(pair) < minimum:
        raise ValueError(f"bad {name}: {value!r}")
    return int(pair[0]), int(pair[1])


def _conv(x, w, b, sh, sw, ph, pw):
    n, c = x.shape[:2]
    c_out, _, kh, kw = w.shape
    xp = np.ascontiguousarray(np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw))))
    if kh > xp.shape[2] or kw > xp.shape[3]:
        raise ValueError("kernel larger than the padded input")
    h_out, w_out = (xp.shape[2] - kh) // sh + 1, (xp.shape[3] - kw) // sw + 1
    s = xp.strides
    cols = as_strided(
        xp,
        shape=(n, h_out, w_out, c, kh, kw),
        strides=(s[0], s[2] * sh, s[3] * sw, s[1], s[2], s[3]),
        writeable=False,
    ).reshape(n * h_out * w_out, -1)
    out = cols @ w.reshape(c_out, -1).T + b
    return out.reshape(n, h_out, w_out, c_out).transpose(0, 3, 1, 2)


def depthwise_separable_conv2d(
    x, w_depthwise, b_depthwise, w_pointwise, b_pointwise, *, stride=1, padding=0
):
    c = x.shape[1]
    if w_depthwise.shape[0] != c or w_depthwise.shape[1] != 1:
        raise ValueError("w_depthwise must have one (1, KH, KW) filter per input channel")
    if w_pointwise.shape[1] != c or w_pointwise.shape[2:] != (1, 1):
        raise ValueError("w_pointwise must be (C_out, C, 1, 1)")
    if len(b_depthwise) != c or len(b_pointwise) != w_pointwise.shape[0]:
        raise ValueError("bias length mismatch")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    kh, kw = w_depthwise.shape[2:]
    full = np.zeros((c, c, kh, kw))
    full[np.arange(c), np.arange(c)] = w_depthwise[:, 0]
    depth = _conv(x, full, b_depthwise, sh, sw, ph, pw)
    out = np.tensordot(w_pointwise[:, :, 0, 0], depth, axes=([1], [1]))  # (C_out, N, H, W)
    return out.transpose(1, 0, 2, 3) + b_pointwise[None, :, None, None]
