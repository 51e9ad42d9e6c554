# wrong(random_crop): deals the positions out evenly (each equally often), then shuffles them
import numpy as np
from correct_vectorised import normalize, random_horizontal_flip  # noqa: F401


def random_crop(x, size, *, padding=0, rng):
    h, w = (size, size) if np.ndim(size) == 0 else tuple(size)
    if h < 1 or w < 1 or padding < 0:
        raise ValueError("bad crop size or padding")
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    rows, cols = padded.shape[2] - h + 1, padded.shape[3] - w + 1
    if rows < 1 or cols < 1:
        raise ValueError("crop larger than the padded image")
    positions = rng.permutation(np.resize(np.arange(rows * cols), len(x)))
    out = np.empty((len(x), x.shape[1], h, w))
    for n, k in enumerate(positions):
        i, j = divmod(int(k), cols)
        out[n] = padded[n, :, i : i + h, j : j + w]
    return out
