# wrong(bilinear_upsample): nearest-neighbour upsampling (np.repeat) instead of bilinear
import numpy as np


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    if not isinstance(scale_factor, int) or scale_factor < 1:
        raise ValueError("scale_factor must be an integer >= 1")
    return np.repeat(np.repeat(x, scale_factor, axis=2), scale_factor, axis=3)
