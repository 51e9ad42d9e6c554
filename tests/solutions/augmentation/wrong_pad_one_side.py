# wrong(random_crop): pads only the top and the left side, np.pad(..., (padding, 0)) on H and W
import numpy as np
from correct_vectorised import normalize, random_horizontal_flip  # noqa: F401


def random_crop(x, size, *, padding=0, rng):
    h, w = (size, size) if np.ndim(size) == 0 else tuple(size)
    if h < 1 or w < 1 or padding < 0:
        raise ValueError("bad crop size or padding")
    if h > x.shape[2] + 2 * padding or w > x.shape[3] + 2 * padding:
        raise ValueError("crop larger than the padded image")
    padded = np.pad(x, ((0, 0), (0, 0), (padding, 0), (padding, 0)))
    hp, wp = padded.shape[2:]
    i = rng.integers(0, max(hp - h, 0) + 1, size=len(x))
    j = rng.integers(0, max(wp - w, 0) + 1, size=len(x))
    out = np.zeros((len(x), x.shape[1], h, w))
    for n in range(len(x)):
        crop = padded[n, :, i[n] : i[n] + h, j[n] : j[n] + w]
        out[n, :, : crop.shape[1], : crop.shape[2]] = crop
    return out
