# wrong(relative_error): no floor at all, |a - b| / (|a| + |b|): two zeros give 0 / 0
import numpy as np
from correct_loops import numerical_gradient  # noqa: F401


def relative_error(a, b):
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    return float(np.nanmax(np.abs(a - b) / (np.abs(a) + np.abs(b))))
