# wrong(max_pool2d_forward): pads with zeros instead of -inf, so padding can win the max
import numpy as np
from correct_vectorised import _setup, max_pool2d_backward  # noqa: F401


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, (kh, kw), (sh, sw), (ph, pw), (h_out, w_out) = _setup(x, kernel_size, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))  # zeros: the mistake
    best = np.full((*x.shape[:2], h_out, w_out), -np.inf)
    where = np.zeros(best.shape, dtype=np.int64)
    for a in range(kh):
        for b in range(kw):
            cand = xp[:, :, a : a + sh * h_out : sh, b : b + sw * w_out : sw]
            better = cand > best
            best = np.where(better, cand, best)
            where = np.where(better, a * kw + b, where)
    return best, (x.shape, where, (kh, kw), (sh, sw), (ph, pw))
