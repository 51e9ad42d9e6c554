# correct: rng.binomial flips, both corners from one rng.integers call, (C, 1, 1) broadcasting
import numpy as np


def random_horizontal_flip(x, *, p=0.5, rng):
    if p < 0.0 or p > 1.0:
        raise ValueError("p outside [0, 1]")
    flip = rng.binomial(1, p, size=x.shape[0]).astype(bool)
    return np.where(flip.reshape(-1, 1, 1, 1), np.flip(x, axis=3), x).astype(np.float64)


def random_crop(x, size, *, padding=0, rng):
    h, w = (size, size) if np.isscalar(size) else (int(size[0]), int(size[1]))
    if h <= 0 or w <= 0:
        raise ValueError("the crop must be at least 1 x 1")
    if padding < 0:
        raise ValueError("padding must not be negative")
    n, c, height, width = x.shape
    padded = np.zeros((n, c, height + 2 * padding, width + 2 * padding))
    padded[:, :, padding : padding + height, padding : padding + width] = x
    if h > padded.shape[2] or w > padded.shape[3]:
        raise ValueError("the crop does not fit")
    # column 0 uniform on 0..Hp - h, column 1 on 0..Wp - w, both inclusive
    corners = rng.integers(
        [0, 0], [padded.shape[2] - h, padded.shape[3] - w], size=(n, 2), endpoint=True
    )
    out = np.zeros((n, c, h, w))
    for k, (i, j) in enumerate(corners):
        out[k] = padded[k, :, i : i + h, j : j + w]
    return out


def normalize(x, mean, std):
    mean = np.array(mean, dtype=np.float64, ndmin=1)
    std = np.array(std, dtype=np.float64, ndmin=1)
    if len(mean) != x.shape[1]:
        raise ValueError("one mean per channel")
    if len(std) != x.shape[1]:
        raise ValueError("one std per channel")
    if np.count_nonzero(std) != len(std):
        raise ValueError("std has a zero entry")
    return (x - mean[:, None, None]) / std[:, None, None]
