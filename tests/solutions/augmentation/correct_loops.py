# correct: a plain loop over the images, one rng.random() and two rng.integers per image, np.pad
import numpy as np


def random_horizontal_flip(x, *, p=0.5, rng):
    if p < 0 or p > 1:
        raise ValueError(f"p={p} must be in [0, 1]")
    out = np.empty_like(x, dtype=np.float64)
    for n in range(x.shape[0]):
        if rng.random() < p:
            out[n] = x[n, :, :, ::-1]
        else:
            out[n] = x[n]
    return out


def random_crop(x, size, *, padding=0, rng):
    if isinstance(size, int):
        h, w = size, size
    else:
        h, w = size
    if h < 1 or w < 1:
        raise ValueError("crop size below 1")
    if padding < 0:
        raise ValueError("negative padding")
    n_images, channels, height, width = x.shape
    hp, wp = height + 2 * padding, width + 2 * padding
    if h > hp or w > wp:
        raise ValueError("crop larger than the padded image")
    out = np.empty((n_images, channels, h, w))
    for n in range(n_images):
        padded = np.pad(x[n], ((0, 0), (padding, padding), (padding, padding)))
        i = rng.integers(0, hp - h + 1)
        j = rng.integers(0, wp - w + 1)
        out[n] = padded[:, i : i + h, j : j + w]
    return out


def normalize(x, mean, std):
    channels = x.shape[1]
    if np.ndim(mean) != 1 or len(mean) != channels:
        raise ValueError("mean must hold one value per channel")
    if np.ndim(std) != 1 or len(std) != channels:
        raise ValueError("std must hold one value per channel")
    if any(s == 0 for s in std):
        raise ValueError("std has a zero")
    out = np.empty(x.shape)
    for c in range(channels):
        out[:, c] = (x[:, c] - mean[c]) / std[c]
    return out
