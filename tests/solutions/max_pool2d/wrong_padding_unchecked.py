# wrong(max_pool2d_forward): accepts padding larger than half the kernel instead of ValueError
import numpy as np
from correct_vectorised import max_pool2d_backward  # noqa: F401


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x = np.asarray(x, dtype=np.float64)
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    sh, sw = (kh, kw) if stride is None else (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    if min(kh, kw, sh, sw) < 1 or min(ph, pw) < 0:
        raise ValueError("kernel_size and stride must be positive, padding non-negative")
    n, c, h, w = x.shape
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError("kernel larger than the padded input")
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    best = np.full((n, c, h_out, w_out), -np.inf)
    where = np.zeros(best.shape, dtype=np.int64)
    for a in range(kh):
        for b in range(kw):
            cand = xp[:, :, a : a + sh * h_out : sh, b : b + sw * w_out : sw]
            better = cand > best
            best = np.where(better, cand, best)
            where = np.where(better, a * kw + b, where)
    return best, (x.shape, where, (kh, kw), (sh, sw), (ph, pw))
