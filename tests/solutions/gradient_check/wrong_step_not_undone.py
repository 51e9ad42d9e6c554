# wrong(numerical_gradient): works on one copy and never restores it: each step is left for the next
import numpy as np
from correct_loops import relative_error  # noqa: F401


def numerical_gradient(f, x, *, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    z = x.copy()
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        z[index] += h
        plus = f(z)
        z[index] -= 2 * h
        minus = f(z)
        grad[index] = (plus - minus) / (2 * h)
    return grad
