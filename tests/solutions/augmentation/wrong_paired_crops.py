# wrong(random_crop): neighbouring images share a corner (one draw for each pair of images)
import numpy as np
from correct_vectorised import normalize, random_horizontal_flip  # noqa: F401


def random_crop(x, size, *, padding=0, rng):
    h, w = (size, size) if np.ndim(size) == 0 else tuple(size)
    if h < 1 or w < 1 or padding < 0:
        raise ValueError("bad crop size or padding")
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    hp, wp = padded.shape[2:]
    if h > hp or w > wp:
        raise ValueError("crop larger than the padded image")
    pairs = (len(x) + 1) // 2
    i = np.repeat(rng.integers(0, hp - h + 1, size=pairs), 2)
    j = np.repeat(rng.integers(0, wp - w + 1, size=pairs), 2)
    out = np.empty((len(x), x.shape[1], h, w))
    for n in range(len(x)):
        out[n] = padded[n, :, i[n] : i[n] + h, j[n] : j[n] + w]
    return out
