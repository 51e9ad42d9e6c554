"""Reference solution for the `conv2d` kata: 2-D cross-correlation, forward and backward.

Layouts as PyTorch: `x (N, C, H, W)`, `w (C_out, C_in, KH, KW)`, `b (C_out,)`, and the output
`(N, C_out, H_out, W_out)` with `H_out = (H + 2 * pad_h - KH) // stride_h + 1` (likewise for W).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


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


def conv2d_forward(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray,
    *,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, Any]:
    """Cross-correlate `x (N, C, H, W)` with `w (C_out, C, KH, KW)` and add `b (C_out,)`."""
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W), got shape {x.shape}")
    if w.ndim != 4:
        raise ValueError(f"w must have shape (C_out, C_in, KH, KW), got shape {w.shape}")
    _, c, h, wd = x.shape
    c_out, c_in, kh, kw = w.shape
    if c != c_in:
        raise ValueError(f"x has {c} channels but w expects C_in = {c_in} (w has shape {w.shape})")
    if b.shape != (c_out,):
        raise ValueError(f"b must have shape ({c_out},) to match w's C_out, got shape {b.shape}")
    sh, sw = _pair(stride, "stride", minimum=1)
    ph, pw = _pair(padding, "padding", minimum=0)
    hp, wp = h + 2 * ph, wd + 2 * pw
    if kh > hp or kw > wp:
        raise ValueError(
            f"kernel {kh}x{kw} is larger than the padded input {hp}x{wp} "
            f"(input {h}x{wd}, padding ({ph}, {pw}))"
        )

    # Zero padding on both sides, then every (KH, KW) window, keeping every stride-th one:
    # windows[n, c, i, j] = xp[n, c, i*sh : i*sh + KH, j*sw : j*sw + KW].
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    h_out, w_out = windows.shape[2], windows.shape[3]
    assert h_out == (hp - kh) // sh + 1 and w_out == (wp - kw) // sw + 1

    # out[n, o, i, j] = sum_{c, p, q} windows[n, c, i, j, p, q] * w[o, c, p, q] + b[o]
    out = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3]))  # (N, H_out, W_out, C_out)
    out = np.ascontiguousarray(out.transpose(0, 3, 1, 2)) + b[None, :, None, None]
    cache = (x.shape, xp, w, (sh, sw), (ph, pw))
    return out, cache


def conv2d_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients `(dx, dw, db)` of the loss given `dout = dL/dout (N, C_out, H_out, W_out)`."""
    x_shape, xp, w, (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    _, _, h, wd = x_shape
    c_out, _, kh, kw = w.shape
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    n, _, h_out, w_out = windows.shape[:4]
    if dout.shape != (n, c_out, h_out, w_out):
        raise ValueError(
            f"dout must have the output's shape {(n, c_out, h_out, w_out)}, got {dout.shape}"
        )

    # The bias touches every output position of its channel: sum over N, H_out, W_out.
    db = dout.sum(axis=(0, 2, 3))
    # dw[o, c, p, q] = sum_{n, i, j} dout[n, o, i, j] * xp[n, c, i*sh + p, j*sw + q]
    dw = np.tensordot(dout, windows, axes=([0, 2, 3], [0, 2, 3]))
    # Each kernel offset (p, q) sent w[:, :, p, q]-weighted copies of dout to the strided grid
    # xp[:, :, p::sh, q::sw]; add them back there. Padded cells collect gradient too, but they are
    # constants, so they are cropped away (and rows a stride never reaches get zero).
    dxp = np.zeros(xp.shape)
    for p in range(kh):
        for q in range(kw):
            rows = slice(p, p + sh * (h_out - 1) + 1, sh)
            cols = slice(q, q + sw * (w_out - 1) + 1, sw)
            dxp[:, :, rows, cols] += np.einsum("noij,oc->ncij", dout, w[:, :, p, q])
    dx = np.ascontiguousarray(dxp[:, :, ph : ph + h, pw : pw + wd])
    return dx, dw, db
