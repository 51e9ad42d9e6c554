# correct: vectorised, rng.random(N) < p, one index over all crop positions, stride tricks
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def random_horizontal_flip(x, *, p=0.5, rng):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p={p} is not a probability")
    flip = rng.random(len(x)) < p
    out = np.array(x, dtype=np.float64)
    out[flip] = out[flip][..., ::-1]
    return out


def random_crop(x, size, *, padding=0, rng):
    h, w = np.broadcast_to(np.asarray(size), (2,))
    if min(h, w) < 1:
        raise ValueError(f"crop size {size} below 1")
    if padding < 0:
        raise ValueError(f"padding {padding} < 0")
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    rows, cols = padded.shape[2] - h + 1, padded.shape[3] - w + 1
    if rows < 1 or cols < 1:
        raise ValueError(f"crop {size} larger than the padded image {padded.shape[2:]}")
    position = rng.integers(0, rows * cols, size=len(x))  # uniform over all (i, j) at once
    i, j = np.divmod(position, cols)
    windows = sliding_window_view(padded, (h, w), axis=(2, 3))  # (N, C, rows, cols, h, w)
    return windows[np.arange(len(x)), :, i, j].copy()


def normalize(x, mean, std):
    mean = np.asarray(mean, dtype=np.float64)
    std = np.asarray(std, dtype=np.float64)
    if mean.shape != (x.shape[1],) or std.shape != (x.shape[1],):
        raise ValueError(f"mean {mean.shape} and std {std.shape} must have shape ({x.shape[1]},)")
    if (std == 0).any():
        raise ValueError("std must not contain 0")
    return (x - mean.reshape(1, -1, 1, 1)) / std.reshape(1, -1, 1, 1)
