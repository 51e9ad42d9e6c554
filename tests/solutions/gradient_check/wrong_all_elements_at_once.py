# wrong(numerical_gradient): moves every element at once (x + h, x - h): a directional derivative
import numpy as np
from correct_loops import relative_error  # noqa: F401


def numerical_gradient(f, x, *, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    slope = (f(x + h) - f(x - h)) / (2 * h)
    return np.full(x.shape, float(slope))
