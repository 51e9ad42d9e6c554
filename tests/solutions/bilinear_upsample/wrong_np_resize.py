# wrong(bilinear_upsample): np.resize to the new shape: repeats the data, no interpolation
import numpy as np


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    if not isinstance(scale_factor, int) or scale_factor < 1:
        raise ValueError("scale_factor must be an integer >= 1")
    n, c, h, w = x.shape
    return np.resize(x, (n, c, h * scale_factor, w * scale_factor))
