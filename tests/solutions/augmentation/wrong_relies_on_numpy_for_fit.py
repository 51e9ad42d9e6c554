# wrong(random_crop): relies on rng.integers to refuse a crop that does not fit
import numpy as np
from correct_vectorised import normalize, random_horizontal_flip  # noqa: F401


def random_crop(x, size, *, padding=0, rng):
    h, w = (size, size) if np.ndim(size) == 0 else tuple(size)
    if h < 1 or w < 1 or padding < 0:
        raise ValueError("bad crop size or padding")
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    hp, wp = padded.shape[2:]
    i = rng.integers(0, hp - h + 1, size=len(x))
    j = rng.integers(0, wp - w + 1, size=len(x))
    out = np.zeros((len(x), x.shape[1], h, w))
    for n in range(len(x)):
        out[n] = padded[n, :, i[n] : i[n] + h, j[n] : j[n] + w]
    return out
