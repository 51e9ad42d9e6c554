# wrong(normalize): mean and std broadcast along the last axis (W) instead of the channel axis
import numpy as np
from correct_vectorised import random_crop, random_horizontal_flip  # noqa: F401


def normalize(x, mean, std):
    mean = np.asarray(mean, dtype=np.float64)
    std = np.asarray(std, dtype=np.float64)
    if mean.shape != (x.shape[1],) or std.shape != (x.shape[1],):
        raise ValueError("mean and std need one value per channel")
    if (std == 0).any():
        raise ValueError("std must not contain 0")
    return (x - mean) / std
