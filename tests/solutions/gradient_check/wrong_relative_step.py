# wrong(numerical_gradient): the step is h * max(|x[i]|, 1) (a relative step), not h itself
import numpy as np
from correct_loops import relative_error  # noqa: F401


def numerical_gradient(f, x, *, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        saved = x[index]
        step = h * max(abs(saved), 1.0)
        x[index] = saved + step
        plus = f(x)
        x[index] = saved - step
        minus = f(x)
        x[index] = saved
        grad[index] = (plus - minus) / (2 * step)
    return grad
