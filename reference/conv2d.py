"""Reference solution for the `conv2d` kata: 2-D cross-correlation, forward and backward.

Layouts as PyTorch: `x (N, C, H, W)`, `w (C_out, C_in, KH, KW)`, `b (C_out,)`, and the output
`(N, C_out, H_out, W_out)` with `H_out = (H + 2 * pad_h - KH) // stride_h + 1` (likewise for W).

The arithmetic below is written the way a learner's vectorised code often is: over any leading
axes (`...`), with einsum (which broadcasts axes of length 1) and index arithmetic (which quietly
gives an empty result when no window fits). So every argument check is needed: without it, an
input that breaks a rule would come back as a plausible-looking array instead of a ValueError.
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
    c, h, wd = x.shape[-3:]
    if w.ndim != 4 or w.shape[1] != c:
        raise ValueError(
            f"w must have shape (C_out, {c}, KH, KW) for an x with {c} channels, "
            f"got shape {w.shape}"
        )
    c_out, _, kh, kw = w.shape
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

    # Zero padding on both sides of the two spatial axes, then every stride-th (KH, KW) window.
    xp = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)])
    windows = _windows(xp, kh, kw, sh, sw)  # (N, C, H_out, W_out, KH, KW)

    # out[n, o, i, j] = sum_{c, p, q} windows[n, c, i, j, p, q] * w[o, c, p, q] + b[o]
    out = np.einsum("...chwpq,ocpq->...ohw", windows, w) + b[:, None, None]
    cache = (x.shape, xp, w, (sh, sw), (ph, pw))
    return out, cache


def conv2d_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients `(dx, dw, db)` of the loss given `dout = dL/dout (N, C_out, H_out, W_out)`."""
    x_shape, xp, w, (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    n, _, h, wd = x_shape
    c_out, _, kh, kw = w.shape
    windows = _windows(xp, kh, kw, sh, sw)  # (N, C, H_out, W_out, KH, KW)
    h_out, w_out = windows.shape[2:4]
    out_shape = (n, c_out, h_out, w_out)
    if dout.shape != out_shape:
        raise ValueError(f"dout must have the output's shape {out_shape}, got {dout.shape}")

    # The bias touches every output position of its channel: sum over N, H_out, W_out.
    db = np.einsum("nohw->o", dout)
    # dw[o, c, p, q] = sum_{n, i, j} dout[n, o, i, j] * xp[n, c, i*sh + p, j*sw + q]
    dw = np.einsum("nohw,nchwpq->ocpq", dout, windows)
    # Each kernel offset (p, q) sent w[:, :, p, q]-weighted copies of dout to the strided grid
    # xp[:, :, p::sh, q::sw]; add them back there. Padded cells collect gradient too, but they are
    # constants, so they are cropped away (and cells no window reaches get zero).
    dxp = np.zeros(xp.shape)
    for p in range(kh):
        for q in range(kw):
            rows = slice(p, p + sh * (h_out - 1) + 1, sh)
            cols = slice(q, q + sw * (w_out - 1) + 1, sw)
            dxp[:, :, rows, cols] += np.einsum("nohw,oc->nchw", dout, w[:, :, p, q])
    dx = np.ascontiguousarray(dxp[:, :, ph : ph + h, pw : pw + wd])
    return dx, dw, db
