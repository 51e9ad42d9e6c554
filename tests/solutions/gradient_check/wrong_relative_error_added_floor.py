# wrong(relative_error): the floor added to the denominator, |a - b| / (|a| + |b| + 1e-8)
import numpy as np
from correct_loops import numerical_gradient  # noqa: F401


def relative_error(a, b):
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b) + 1e-8)))
