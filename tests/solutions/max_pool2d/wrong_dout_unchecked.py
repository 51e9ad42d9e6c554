# wrong(max_pool2d_backward): does not check dout's shape, so a dout that broadcasts passes
import numpy as np
from correct_vectorised import max_pool2d_forward  # noqa: F401


def max_pool2d_backward(dout, cache):
    (n, c, h, w), where, (kh, kw), (sh, sw), (ph, pw) = cache
    dout = np.asarray(dout, dtype=np.float64)
    h_out, w_out = where.shape[2:]
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    for a in range(kh):
        for b in range(kw):
            dxp[:, :, a : a + sh * h_out : sh, b : b + sw * w_out : sw] += np.where(
                where == a * kw + b, dout, 0.0
            )
    return dxp[:, :, ph : ph + h, pw : pw + w]
