# wrong(max_pool2d_forward): rejects a zero stride but lets a negative one through
import numpy as np
from correct_vectorised import (
    _pair,
    max_pool2d_backward,  # noqa: F401
)


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"expected a 4-D input, got shape {x.shape}")
    kh, kw = _pair(kernel_size, "kernel_size")
    sh, sw = (kh, kw) if stride is None else _pair(stride, "stride")
    ph, pw = _pair(padding, "padding")
    if min(kh, kw) < 1 or sh == 0 or sw == 0:
        raise ValueError("kernel_size must be positive and stride non-zero")
    if min(ph, pw) < 0 or 2 * ph > kh or 2 * pw > kw:
        raise ValueError("padding must be in [0, kernel_size / 2]")
    n, c, h, w = x.shape
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError("the kernel does not fit in the padded input")
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    out = np.full((n, c, h_out, w_out), -np.inf)
    where = np.full(out.shape, -1, dtype=np.int64)
    for i in range(h_out):
        for j in range(w_out):
            for a in range(kh):
                for b in range(kw):
                    p, q = i * sh + a - ph, j * sw + b - pw
                    if 0 <= p < h and 0 <= q < w:
                        v = x[:, :, p, q]
                        take = (where[:, :, i, j] < 0) | (v > out[:, :, i, j])
                        out[:, :, i, j] = np.where(take, v, out[:, :, i, j])
                        where[:, :, i, j] = np.where(take, a * kw + b, where[:, :, i, j])
    return out, ((n, c, h, w), where, (kh, kw), (sh, sw), (ph, pw))
