# wrong(random_crop): the corner is drawn by rng.integers(0, Hp - h): never the last offset
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
    out = np.empty((len(x), x.shape[1], h, w))
    for n in range(len(x)):
        i = rng.integers(0, max(hp - h, 1))
        j = rng.integers(0, max(wp - w, 1))
        out[n] = padded[n, :, i : i + h, j : j + w]
    return out
