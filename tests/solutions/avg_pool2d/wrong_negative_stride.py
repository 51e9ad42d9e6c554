# wrong(avg_pool2d_forward): rejects a zero stride but lets a negative one through
import numpy as np
from correct_loops import (
    _pair,
    avg_pool2d_backward,  # noqa: F401
)


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError("x must have shape (N, C, H, W)")
    kh, kw = _pair(kernel_size, "kernel_size")
    sh, sw = _pair(kernel_size if stride is None else stride, "stride")
    ph, pw = _pair(padding, "padding")
    if min(kh, kw) <= 0 or sh == 0 or sw == 0:
        raise ValueError("kernel_size must be positive and stride non-zero")
    if ph < 0 or pw < 0 or ph > kh / 2 or pw > kw / 2:
        raise ValueError("padding must be between 0 and half the kernel size")
    n, c, h, w = x.shape
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError("kernel larger than the padded input")
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    out = np.zeros((n, c, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            for a in range(kh):
                for b in range(kw):
                    p, q = i * sh + a - ph, j * sw + b - pw
                    if 0 <= p < h and 0 <= q < w:
                        out[:, :, i, j] += x[:, :, p, q]
    return out / (kh * kw), ((n, c, h, w), (kh, kw), (sh, sw), (ph, pw))
