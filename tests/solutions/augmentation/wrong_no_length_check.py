# wrong(normalize): no length check: a single mean or std silently serves every channel
import numpy as np
from correct_vectorised import random_crop, random_horizontal_flip  # noqa: F401


def normalize(x, mean, std):
    mean = np.asarray(mean, dtype=np.float64).reshape(1, -1, 1, 1)
    std = np.asarray(std, dtype=np.float64).reshape(1, -1, 1, 1)
    if (std == 0).any():
        raise ValueError("std must not contain 0")
    return (x - mean) / std
