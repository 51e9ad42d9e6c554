# wrong(conv2d_forward): padding capped at K - 1 per axis, as if more could only add empty windows
"""Padding beyond K - 1 gives windows that read only zeros, so it looks safe to cap it there; but
those windows are real outputs (equal to the bias) and PyTorch keeps them. The backward pass is
consistent with the capped forward, so only a comparison with PyTorch's output shows it."""

from __future__ import annotations

from correct_vectorised import _pair, conv2d_backward  # noqa: F401
from correct_vectorised import conv2d_forward as _forward


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    ph, pw = _pair(padding, "padding", 0)
    kh, kw = w.shape[-2:]
    return _forward(x, w, b, stride=stride, padding=(min(ph, kh - 1), min(pw, kw - 1)))
