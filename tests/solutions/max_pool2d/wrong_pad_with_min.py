# wrong(max_pool2d_backward): pads with x.min(), not -inf: on a tie padding takes the gradient
"""The forward values are right (a real cell is never below the minimum), but a window whose real
cells all equal the minimum, e.g. a constant input, sends its gradient to a padded cell."""

import numpy as np
from correct_vectorised import (
    _setup,
    max_pool2d_backward,  # noqa: F401
)


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, (kh, kw), (sh, sw), (ph, pw), (h_out, w_out) = _setup(x, kernel_size, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=x.min())
    best = np.full((*x.shape[:2], h_out, w_out), -np.inf)
    where = np.full(best.shape, -1, dtype=np.int64)
    for a in range(kh):
        for b in range(kw):
            cand = xp[:, :, a : a + sh * h_out : sh, b : b + sw * w_out : sw]
            better = (where < 0) | (cand > best)
            best = np.where(better, cand, best)
            where = np.where(better, a * kw + b, where)
    return best, (x.shape, where, (kh, kw), (sh, sw), (ph, pw))
