"""Reference solution for the `augmentation` kata: random horizontal flips, random crops with
zero padding, and per-channel normalisation of a batch of images `(N, C, H, W)`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def random_horizontal_flip(
    x: np.ndarray, *, p: float = 0.5, rng: np.random.Generator
) -> np.ndarray:
    """Mirror each image left-right with probability `p`, independently, as
    `torchvision.transforms.RandomHorizontalFlip(p)` applied to every image of the batch.

    Args:
        x: images `(N, C, H, W)`.
        p: the probability of flipping each image, `0 <= p <= 1`.
        rng: the generator of the decisions, one per image.

    Returns:
        A new array `(N, C, H, W)`: image `n` is `x[n, :, :, ::-1]` when flipped, `x[n]` otherwise.

    Raises:
        ValueError: `p` outside `[0, 1]`.
    """
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p={p} is not a probability: it must lie in [0, 1]")
    x = np.asarray(x, dtype=np.float64)
    flip = rng.random(x.shape[0]) < p  # one independent Bernoulli(p) decision per image
    # W is the last axis: a horizontal flip reverses it, in every channel and every row.
    return np.where(flip[:, None, None, None], x[:, :, :, ::-1], x)


def random_crop(
    x: np.ndarray, size: int | Sequence[int], *, padding: int = 0, rng: np.random.Generator
) -> np.ndarray:
    """Pad each image with `padding` zeros on all four sides, then cut out an `(h, w)` window at
    a uniformly random position, independently for every image, as
    `torchvision.transforms.RandomCrop(size, padding=padding)`.

    Args:
        x: images `(N, C, H, W)`.
        size: `h = w = size` for an int, or a pair `(h, w)`; each at least 1.
        padding: zeros added on each side, an int `>= 0`.
        rng: the generator of the positions, one `(i, j)` per image.

    Returns:
        A new array `(N, C, h, w)`: image `n` is `padded[n, :, i:i + h, j:j + w]`, where
        `padded` is `x` with the zero border and `(i, j)` is uniform on
        `{0, ..., H + 2 * padding - h} x {0, ..., W + 2 * padding - w}`.

    Raises:
        ValueError: a size below 1, a negative padding, or a crop larger than the padded image.
    """
    h, w = (size, size) if np.ndim(size) == 0 else tuple(size)
    if h < 1 or w < 1:
        raise ValueError(f"the crop size (h, w) = ({h}, {w}) must be at least 1 in each dimension")
    if padding < 0:
        raise ValueError(f"padding={padding} must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    n, c, height, width = x.shape
    padded_h, padded_w = height + 2 * padding, width + 2 * padding
    if h > padded_h or w > padded_w:
        raise ValueError(
            f"a crop of ({h}, {w}) does not fit in the padded image ({padded_h}, {padded_w})"
        )
    # The top-left corner, both ends included: padded_h - h + 1 rows, padded_w - w + 1 columns.
    rows = rng.integers(0, padded_h - h + 1, size=n)
    cols = rng.integers(0, padded_w - w + 1, size=n)
    # The padded image is never built: the window starts at (i - padding, j - padding) in x's
    # coordinates, and whatever falls outside x is a zero of the padding.
    out = np.zeros((n, c, h, w))
    for k in range(n):
        top, left = rows[k] - padding, cols[k] - padding
        r0, r1 = max(top, 0), min(top + h, height)
        c0, c1 = max(left, 0), min(left + w, width)
        if r0 < r1 and c0 < c1:  # otherwise the window lies wholly in the padding
            out[k, :, r0 - top : r1 - top, c0 - left : c1 - left] = x[k, :, r0:r1, c0:c1]
    return out


def normalize(x: np.ndarray, mean: Sequence[float], std: Sequence[float]) -> np.ndarray:
    """Per-channel normalisation, as `torchvision.transforms.Normalize(mean, std)` on each image:
    `out[:, c] = (x[:, c] - mean[c]) / std[c]`.

    Args:
        x: images `(N, C, H, W)`.
        mean: `C` values, one per channel (axis 1).
        std: `C` values, none zero.

    Returns:
        A new array `(N, C, H, W)`.

    Raises:
        ValueError: `mean` or `std` not of length `C`, or a zero in `std`.
    """
    x = np.asarray(x, dtype=np.float64)
    channels = x.shape[1]
    mean = np.asarray(mean, dtype=np.float64).reshape(-1)
    std = np.asarray(std, dtype=np.float64).reshape(-1)
    if mean.size != channels:
        raise ValueError(f"mean has {mean.size} values, but x has {channels} channels")
    if std.size != channels:
        raise ValueError(f"std has {std.size} values, but x has {channels} channels")
    if np.any(std == 0):
        raise ValueError(f"std has a zero entry ({std.tolist()}): cannot divide by it")
    # Channels are axis 1: shape the per-channel values (1, C, 1, 1) so they broadcast there.
    return (x - mean[None, :, None, None]) / std[None, :, None, None]
