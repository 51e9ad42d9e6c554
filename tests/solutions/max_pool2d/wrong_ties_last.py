# wrong(max_pool2d_backward): on ties the gradient goes to the last maximum (>= instead of >)
import numpy as np
from correct_loops import max_pool2d_forward  # noqa: F401


def max_pool2d_backward(dout, cache):
    x, (kh, kw), (sh, sw), (ph, pw) = cache
    n, c, h, w = x.shape
    dx = np.zeros_like(x)
    for s in range(n):
        for ch in range(c):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    best, arg = -np.inf, None
                    for a in range(kh):
                        for b in range(kw):
                            p, q = i * sh + a - ph, j * sw + b - pw
                            if 0 <= p < h and 0 <= q < w and x[s, ch, p, q] >= best:
                                best, arg = x[s, ch, p, q], (p, q)
                    dx[s, ch, arg[0], arg[1]] += dout[s, ch, i, j]
    return dx
