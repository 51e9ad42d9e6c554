# wrong(numerical_gradient): x changed in place and left at x[i] - h after each element's two calls
import numpy as np
from correct_loops import relative_error  # noqa: F401


def numerical_gradient(f, x, *, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        plus = f(x)
        x[index] = saved - h
        minus = f(x)
        grad[index] = (plus - minus) / (2 * h)
    return grad
