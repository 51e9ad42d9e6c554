# wrong(normalize): no check for a zero std: the channel comes out as inf and nan
import numpy as np
from correct_vectorised import random_crop, random_horizontal_flip  # noqa: F401


def normalize(x, mean, std):
    mean = np.asarray(mean, dtype=np.float64)
    std = np.asarray(std, dtype=np.float64)
    if mean.shape != (x.shape[1],) or std.shape != (x.shape[1],):
        raise ValueError("mean and std need one value per channel")
    return (x - mean.reshape(1, -1, 1, 1)) / std.reshape(1, -1, 1, 1)
