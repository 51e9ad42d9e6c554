# wrong(avg_pool2d_forward): accepts padding larger than half the kernel instead of ValueError
import numpy as np
from correct_integral_image import avg_pool2d_backward  # noqa: F401


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
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
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    out = np.zeros((n, c, h_out, w_out))
    for a in range(kh):
        for b in range(kw):
            out += xp[:, :, a : a + sh * h_out : sh, b : b + sw * w_out : sw]
    return out / (kh * kw), (x.shape, (kh, kw), (sh, sw), (ph, pw))
