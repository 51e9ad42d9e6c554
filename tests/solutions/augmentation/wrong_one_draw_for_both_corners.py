# wrong(random_crop): one draw serves as both i and j (the crop only moves along the diagonal)
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
    u = rng.random(len(x))
    i = (u * (hp - h + 1)).astype(int)
    j = (u * (wp - w + 1)).astype(int)
    return np.stack(
        [padded[n, :, i[n] : i[n] + h, j[n] : j[n] + w] for n in range(len(x))]
    ).reshape(len(x), x.shape[1], h, w)
