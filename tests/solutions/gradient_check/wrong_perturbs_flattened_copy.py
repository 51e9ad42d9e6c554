# wrong(numerical_gradient): steps x.flatten(), a copy, so f(x) never sees the change: zeros
import numpy as np
from correct_loops import relative_error  # noqa: F401


def numerical_gradient(f, x, *, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    flat = x.flatten()
    grad = np.zeros(x.size)
    for i in range(x.size):
        saved = flat[i]
        flat[i] = saved + h
        plus = f(x)
        flat[i] = saved - h
        minus = f(x)
        flat[i] = saved
        grad[i] = (plus - minus) / (2 * h)
    return grad.reshape(x.shape)
