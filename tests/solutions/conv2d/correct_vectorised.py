# correct: shift-and-add per kernel offset; dx as a full correlation of the dilated dout
"""conv2d vectorised over the batch and the image, looping only over the KH*KW kernel offsets."""

from __future__ import annotations

import numpy as np


def _pair(value, name, minimum):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer, tuple, list)):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    h, w = (value, value) if isinstance(value, (int, np.integer)) else tuple(value)
    if min(h, w) < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return int(h), int(w)


def _correlate(xp, w, sh, sw):
    """Unpadded strided cross-correlation by shift-and-add: one einsum per kernel offset."""
    kh, kw = w.shape[2:]
    h_out = (xp.shape[2] - kh) // sh + 1
    w_out = (xp.shape[3] - kw) // sw + 1
    out = np.zeros((xp.shape[0], w.shape[0], h_out, w_out))
    for p in range(kh):
        for q in range(kw):
            shifted = xp[:, :, p : p + sh * (h_out - 1) + 1 : sh, q : q + sw * (w_out - 1) + 1 : sw]
            out += np.einsum("oc,ncij->noij", w[:, :, p, q], shifted)
    return out


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    if x.ndim != 4 or w.ndim != 4:
        raise ValueError("x and w must be 4-D")
    if x.shape[1] != w.shape[1]:
        raise ValueError(f"x has {x.shape[1]} channels, w expects {w.shape[1]}")
    if b.shape != w.shape[:1]:
        raise ValueError(f"b must have one value per filter, got shape {b.shape}")
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    if w.shape[2] > xp.shape[2] or w.shape[3] > xp.shape[3]:
        raise ValueError(f"kernel {w.shape[2:]} does not fit the padded input {xp.shape[2:]}")
    out = _correlate(xp, w, sh, sw) + b.reshape(1, -1, 1, 1)
    return out, (xp, w, (sh, sw), (ph, pw))


def conv2d_backward(dout, cache):
    xp, w, (sh, sw), (ph, pw) = cache
    kh, kw = w.shape[2:]
    n, c_out = xp.shape[0], w.shape[0]
    h_out, w_out = (xp.shape[2] - kh) // sh + 1, (xp.shape[3] - kw) // sw + 1
    if dout.shape != (n, c_out, h_out, w_out):
        raise ValueError(f"dout must have shape {(n, c_out, h_out, w_out)}, got {dout.shape}")
    # Dilate dout: put each gradient where its window started in the padded input.
    dil = np.zeros((n, c_out, sh * (h_out - 1) + 1, sw * (w_out - 1) + 1))
    dil[:, :, ::sh, ::sw] = dout
    # dw: correlate the padded input with the dilated dout (batch axis plays the channel role).
    dw = _correlate(xp.transpose(1, 0, 2, 3), dil.transpose(1, 0, 2, 3), 1, 1)
    dw = dw.transpose(1, 0, 2, 3)[:, :, :kh, :kw]
    # dxp: full correlation of the dilated dout with the kernel rotated by 180 degrees.
    full = np.pad(dil, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    rotated = w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)
    dxp_reached = _correlate(full, rotated, 1, 1)
    dxp = np.zeros(xp.shape)
    dxp[:, :, : dxp_reached.shape[2], : dxp_reached.shape[3]] = dxp_reached
    dx = dxp[:, :, ph : xp.shape[2] - ph, pw : xp.shape[3] - pw]
    db = np.einsum("noij->o", dout)
    return dx, dw, db
