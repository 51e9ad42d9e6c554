# wrong(conv2d_forward): all 2 * pad zeros added after the image (bottom and right), none before
"""Same output size as the correct padding, but every window is shifted by `pad`."""

from __future__ import annotations

import numpy as np
from correct_loops import _pair, conv2d_backward  # noqa: F401
from correct_loops import conv2d_forward as _unpadded


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    ph, pw = _pair(padding, "padding", 0)
    xp = np.pad(x, ((0, 0), (0, 0), (0, 2 * ph), (0, 2 * pw)))
    return _unpadded(xp, w, b, stride=stride, padding=0)
