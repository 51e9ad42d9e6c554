"""Reference solution for the `depthwise_separable_conv2d` kata.

A depthwise convolution (one KHxKW filter per input channel, `groups=C` in PyTorch) followed by a
pointwise 1x1 convolution that mixes the channels. Stride and padding belong to the depthwise step.

The arithmetic is written the way a learner's vectorised code often is: over any leading axes
(`...`), with einsum (which broadcasts axes of length 1) and index arithmetic (which gives an
empty result when no window fits). So every argument check is needed: without it, an input that
breaks a rule comes back as a plausible array instead of a ValueError.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _pair(value: Any, name: str, *, minimum: int) -> tuple[int, int]:
    """Turn an int or a pair of ints into `(h, w)`, checking each is at least `minimum`."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        pair = (int(value), int(value))
    elif (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(
            isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)) for v in value
        )
    ):
        pair = (int(value[0]), int(value[1]))
    else:
        raise ValueError(f"{name} must be an int or a pair of ints (h, w), got {value!r}")
    if min(pair) < minimum:
        raise ValueError(f"{name} must be at least {minimum} in each direction, got {value!r}")
    return pair


def _windows(xp: np.ndarray, kh: int, kw: int, sh: int, sw: int) -> np.ndarray:
    """`windows[..., c, i, j, p, q] = xp[..., c, i*sh + p, j*sw + q]`, by index arithmetic."""
    h_out = (xp.shape[-2] - kh) // sh + 1
    w_out = (xp.shape[-1] - kw) // sw + 1
    rows = (np.arange(h_out) * sh)[:, None] + np.arange(kh)[None, :]  # (H_out, KH)
    cols = (np.arange(w_out) * sw)[:, None] + np.arange(kw)[None, :]  # (W_out, KW)
    return xp[..., rows[:, None, :, None], cols[None, :, None, :]]


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
    """Depthwise `(C, 1, KH, KW)` convolution of `x (N, C, H, W)`, then a `(C_out, C, 1, 1)` one."""
    x = np.asarray(x, dtype=np.float64)
    wd = np.asarray(w_depthwise, dtype=np.float64)
    bd = np.asarray(b_depthwise, dtype=np.float64)
    wp = np.asarray(w_pointwise, dtype=np.float64)
    bp = np.asarray(b_pointwise, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W), got shape {x.shape}")
    c, h, w = x.shape[-3:]
    if wd.ndim != 4 or wd.shape[0] != c or wd.shape[1] != 1:
        raise ValueError(
            f"w_depthwise must have shape ({c}, 1, KH, KW): one filter per channel of x, "
            f"got shape {wd.shape}"
        )
    if bd.shape != (c,):
        raise ValueError(f"b_depthwise must have shape ({c},), got shape {bd.shape}")
    if wp.ndim != 4 or wp.shape[1] != c or wp.shape[2:] != (1, 1):
        raise ValueError(
            f"w_pointwise must have shape (C_out, {c}, 1, 1): a 1x1 kernel over the {c} "
            f"depthwise channels, got shape {wp.shape}"
        )
    c_out = wp.shape[0]
    if bp.shape != (c_out,):
        raise ValueError(f"b_pointwise must have shape ({c_out},), got shape {bp.shape}")
    sh, sw = _pair(stride, "stride", minimum=1)
    ph, pw = _pair(padding, "padding", minimum=0)
    kh, kw = wd.shape[2:]
    hp, wpad = h + 2 * ph, w + 2 * pw
    if kh > hp or kw > wpad:
        raise ValueError(
            f"depthwise kernel {kh}x{kw} is larger than the padded input {hp}x{wpad} "
            f"(input {h}x{w}, padding ({ph}, {pw}))"
        )

    # Depthwise: channel c of the output sees channel c of the input only.
    xp = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)])
    windows = _windows(xp, kh, kw, sh, sw)  # (N, C, H_out, W_out, KH, KW)
    depth = np.einsum("...chwpq,cpq->...chw", windows, wd[:, 0]) + bd[:, None, None]

    # Pointwise: a 1x1 convolution is a matrix product over the channel axis at every pixel.
    out = np.einsum("...chw,oc->...ohw", depth, wp[:, :, 0, 0]) + bp[:, None, None]
    return out
