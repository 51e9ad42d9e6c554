# wrong(avg_pool2d_backward): backward divides border windows by their real cells only
import numpy as np
from correct_integral_image import avg_pool2d_forward  # noqa: F401
from wrong_exclude_pad import _counts


def avg_pool2d_backward(dout, cache):
    (n, c, h, w), k, s, p = cache
    counts = _counts(h, w, k, s, p, dout.shape[2:])
    share = dout / counts
    dxp = np.zeros((n, c, h + 2 * p[0], w + 2 * p[1]))
    for a in range(k[0]):
        for b in range(k[1]):
            dxp[:, :, a : a + s[0] * dout.shape[2] : s[0], b : b + s[1] * dout.shape[3] : s[1]] += (
                share
            )
    return dxp[:, :, p[0] : p[0] + h, p[1] : p[1] + w]
