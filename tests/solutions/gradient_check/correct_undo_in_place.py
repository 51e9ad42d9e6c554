# correct: the step undone arithmetically in place (+h, -2h, +h) through a flat view, halved last
import numpy as np


def numerical_gradient(f, x, *, h=1e-5):
    if h <= 0:
        raise ValueError("h <= 0")
    flat = x.reshape(-1)  # a view of x: changing it changes x
    out = np.zeros(x.size)
    for i in range(flat.size):
        flat[i] += h
        fp = f(x)
        flat[i] -= 2 * h
        fm = f(x)
        flat[i] += h
        out[i] = (fp - fm) / h
    return out.reshape(x.shape) * 0.5


def relative_error(a, b):
    if a.shape != b.shape:
        raise ValueError("a and b differ in shape")
    num = np.abs(a - b)
    den = np.abs(a) + np.abs(b)
    den[den < 1e-8] = 1e-8
    return float((num / den).max(initial=0.0))
