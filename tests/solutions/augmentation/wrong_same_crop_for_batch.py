# wrong(random_crop): one corner (i, j) drawn per call and used for every image of the batch
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
    i = rng.integers(0, hp - h + 1)
    j = rng.integers(0, wp - w + 1)
    return padded[:, :, i : i + h, j : j + w].copy()
