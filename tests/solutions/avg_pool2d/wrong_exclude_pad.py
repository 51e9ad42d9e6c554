# wrong(avg_pool2d_forward, avg_pool2d_backward): padding not counted (count_include_pad=False)
import numpy as np
from correct_integral_image import _setup


def _counts(h, w, k, s, p, size):
    """Number of real (non-padding) cells in every window."""
    rows = np.array([min(i * s[0] + k[0], h + p[0]) - max(i * s[0], p[0]) for i in range(size[0])])
    cols = np.array([min(j * s[1] + k[1], w + p[1]) - max(j * s[1], p[1]) for j in range(size[1])])
    return rows[:, None] * cols[None, :]


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x, k, s, p, size = _setup(x, kernel_size, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])))
    sums = np.zeros(x.shape[:2] + size)
    for a in range(k[0]):
        for b in range(k[1]):
            sums += xp[:, :, a : a + s[0] * size[0] : s[0], b : b + s[1] * size[1] : s[1]]
    counts = _counts(x.shape[2], x.shape[3], k, s, p, size)
    return sums / counts, (x.shape, k, s, p, counts)


def avg_pool2d_backward(dout, cache):
    (n, c, h, w), k, s, p, counts = cache
    share = dout / counts
    dxp = np.zeros((n, c, h + 2 * p[0], w + 2 * p[1]))
    for a in range(k[0]):
        for b in range(k[1]):
            dxp[:, :, a : a + s[0] * dout.shape[2] : s[0], b : b + s[1] * dout.shape[3] : s[1]] += (
                share
            )
    return dxp[:, :, p[0] : p[0] + h, p[1] : p[1] + w]
