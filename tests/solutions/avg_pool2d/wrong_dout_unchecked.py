# wrong(avg_pool2d_backward): does not check dout's shape, so a dout that broadcasts passes
import numpy as np
from correct_integral_image import avg_pool2d_forward  # noqa: F401


def avg_pool2d_backward(dout, cache):
    (n, c, h, w), (kh, kw), (sh, sw), (ph, pw) = cache
    share = np.asarray(dout, dtype=np.float64) / (kh * kw)
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    for a in range(kh):
        for b in range(kw):
            dxp[:, :, a : a + sh * h_out : sh, b : b + sw * w_out : sw] += share
    return dxp[:, :, ph : ph + h, pw : pw + w]
