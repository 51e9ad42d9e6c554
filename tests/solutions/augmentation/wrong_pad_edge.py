# wrong(random_crop): pads by repeating the border pixels (np.pad mode="edge") instead of zeros
import numpy as np
from correct_vectorised import normalize, random_horizontal_flip  # noqa: F401


def random_crop(x, size, *, padding=0, rng):
    h, w = (size, size) if np.ndim(size) == 0 else tuple(size)
    if h < 1 or w < 1 or padding < 0:
        raise ValueError("bad crop size or padding")
    if len(x) == 0:
        return np.zeros((0, x.shape[1], h, w))
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)), mode="edge")
    hp, wp = padded.shape[2:]
    if h > hp or w > wp:
        raise ValueError("crop larger than the padded image")
    i = rng.integers(0, hp - h + 1, size=len(x))
    j = rng.integers(0, wp - w + 1, size=len(x))
    return np.stack([padded[n, :, i[n] : i[n] + h, j[n] : j[n] + w] for n in range(len(x))])
