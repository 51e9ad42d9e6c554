# wrong(avg_pool2d_forward): output size rounded up, a partial last window is kept
import numpy as np
from correct_integral_image import _setup


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, (kh, kw), (sh, sw), (ph, pw), _ = _setup(x, kernel_size, stride, padding)
    n, c, h, w = x.shape
    h_out = -(-(h + 2 * ph - kh) // sh) + 1
    w_out = -(-(w + 2 * pw - kw) // sw) + 1
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph + sh), (pw, pw + sw)))
    out = np.empty((n, c, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            out[:, :, i, j] = xp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw].mean(axis=(2, 3))
    return out, (x.shape, (kh, kw), (sh, sw), (ph, pw))


def avg_pool2d_backward(dout, cache):
    (n, c, h, w), (kh, kw), (sh, sw), (ph, pw) = cache
    dxp = np.zeros((n, c, h + 2 * ph + sh, w + 2 * pw + sw))
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            dxp[:, :, i * sh : i * sh + kh, j * sw : j * sw + kw] += dout[
                :, :, i : i + 1, j : j + 1
            ] / (kh * kw)
    return dxp[:, :, ph : ph + h, pw : pw + w]
