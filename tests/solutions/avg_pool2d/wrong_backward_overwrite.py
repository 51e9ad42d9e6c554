# wrong(avg_pool2d_backward): overlapping windows overwrite each other's gradient instead of adding
import numpy as np
from correct_integral_image import avg_pool2d_forward  # noqa: F401


def avg_pool2d_backward(dout, cache):
    (n, c, h, w), (kh, kw), (sh, sw), (ph, pw) = cache
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            dxp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw] = dout[
                :, :, i : i + 1, j : j + 1
            ] / (kh * kw)
    return dxp[:, :, ph : ph + h, pw : pw + w]
