# wrong(numerical_gradient): the forward difference (f(x + h e_i) - f(x)) / h, an O(h) error
import numpy as np
from correct_loops import relative_error  # noqa: F401


def numerical_gradient(f, x, *, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    grad = np.zeros(x.shape)
    base = f(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        grad[index] = (f(x) - base) / h
        x[index] = saved
    return grad
