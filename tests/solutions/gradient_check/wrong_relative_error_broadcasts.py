# wrong(relative_error): no shape check: (3,) against (1, 3) is broadcast instead of refused
import numpy as np
from correct_loops import numerical_gradient  # noqa: F401


def relative_error(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)))
