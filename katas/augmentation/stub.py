"""Kata `augmentation`: random flips, random crops and normalisation of image batches, in NumPy.

Implement three torchvision transforms for a batch of images `x (N, C, H, W)`, applied to each
image independently: `RandomHorizontalFlip(p)`, `RandomCrop(size, padding=padding)` and
`Normalize(mean, std)`. Every random decision comes from the `rng` argument, fresh for every
image and every call; never the global `np.random` state. Return new float64 arrays and never
modify `x`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def random_horizontal_flip(
    x: np.ndarray, *, p: float = 0.5, rng: np.random.Generator
) -> np.ndarray:
    """Mirror each image left-right with probability `p`, each image deciding independently.

    Args:
        x: images `(N, C, H, W)`, float64. `N` may be 0.
        p: the probability that an image is flipped, `0 <= p <= 1`. `p=0` flips nothing,
            `p=1` every image.
        rng: the generator every decision is drawn from: one independent decision per image,
            fresh on every call (two calls with one generator give new decisions).

    Returns:
        A new float64 array `(N, C, H, W)`. Image `n` is `x[n, :, :, ::-1]` (the last axis, W,
        reversed in every channel and row) with probability `p`, and `x[n]` unchanged otherwise.

    Raises:
        ValueError: `p` outside `[0, 1]`.
    """
    raise NotImplementedError


def random_crop(
    x: np.ndarray, size: int | Sequence[int], *, padding: int = 0, rng: np.random.Generator
) -> np.ndarray:
    """Zero-pad each image, then cut out a window at a uniformly random position.

    Args:
        x: images `(N, C, H, W)`, float64. `N` may be 0.
        size: the crop size: an int `s` for an `(s, s)` crop, or a pair `(h, w)`.
        padding: the number of zeros added on each of the four sides, an int `>= 0`; the
            padded image is `(Hp, Wp) = (H + 2 * padding, W + 2 * padding)`.
        rng: the generator every position is drawn from: one independent position per image,
            fresh on every call.

    Returns:
        A new float64 array `(N, C, h, w)`. Image `n` is `padded[n, :, i:i + h, j:j + w]`,
        where `padded` is `x` with the zero border and the top-left corner `(i, j)` is drawn
        uniformly from `i in {0, ..., Hp - h}` and `j in {0, ..., Wp - w}`, both ends included
        (every one of the `(Hp - h + 1) * (Wp - w + 1)` positions equally likely; a crop as
        large as the padded image has one position). The same `(i, j)` for all channels of an
        image.

    Raises:
        ValueError: `h` or `w` below 1, `padding < 0`, or a crop larger than the padded image
            (`h > Hp` or `w > Wp`), whatever `N` is.
    """
    raise NotImplementedError


def normalize(x: np.ndarray, mean: Sequence[float], std: Sequence[float]) -> np.ndarray:
    """Normalise each channel: `out[:, c] = (x[:, c] - mean[c]) / std[c]`.

    Args:
        x: images `(N, C, H, W)`, float64.
        mean: `C` values (a sequence or an array), one per channel; channels are axis 1.
        std: `C` values, one per channel, none of them zero.

    Returns:
        A new float64 array `(N, C, H, W)`. Deterministic.

    Raises:
        ValueError: `mean` or `std` does not hold exactly `C` values (a single value for
            several channels included), or `std` has a zero entry.
    """
    raise NotImplementedError
