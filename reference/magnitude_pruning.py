"""Reference solution for the `magnitude_pruning` kata: unstructured L1 (magnitude) pruning of one
array and of several arrays ranked together, as `torch.nn.utils.prune`."""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np


def _count_to_prune(amount: int | float, size: int) -> int:
    """How many entries `amount` prunes out of `size`, as torch reads it: an integer is a count,
    a float a fraction rounded with Python's `round` (halves to even)."""
    if not isinstance(amount, numbers.Real):  # torch raises TypeError here too
        raise TypeError(f"amount must be an int (a count) or a float (a fraction), got {amount!r}")
    if isinstance(amount, numbers.Integral):  # a Python int or a NumPy integer
        if amount < 0:
            raise ValueError(f"amount={amount} is a negative count of entries to prune")
        if amount > size:
            raise ValueError(f"amount={amount} is more entries than there are ({size})")
        return int(amount)
    fraction = float(amount)
    if not 0.0 <= fraction <= 1.0:  # NaN fails this too
        raise ValueError(f"amount={amount} is a fraction outside [0, 1]")
    return round(fraction * size)  # Python's round: 2.5 -> 2, 1.5 -> 2


def _mask(magnitudes: np.ndarray, k: int) -> np.ndarray:
    """1.0 everywhere but at the k smallest magnitudes (ties broken by position)."""
    mask = np.ones(magnitudes.size, dtype=np.float64)
    mask[np.argsort(magnitudes, kind="stable")[:k]] = 0.0
    return mask


def prune_by_magnitude(w: np.ndarray, amount: int | float) -> tuple[np.ndarray, np.ndarray]:
    """Zero the `k` entries of `w` with the smallest `|w|` (`l1_unstructured`).

    Returns `(pruned, mask)`, both of `w`'s shape, float64: `mask` is 0.0 where an entry is pruned
    and 1.0 where it is kept, and `pruned = w * mask`. Every entry is ranked, zeros included.

    Raises:
        ValueError: a float amount outside [0, 1], a negative integer amount, or an integer amount
            larger than `w.size`.
    """
    w = np.asarray(w, dtype=np.float64)
    k = _count_to_prune(amount, w.size)
    mask = _mask(np.abs(w).ravel(), k).reshape(w.shape)
    return w * mask, mask


def global_prune_by_magnitude(
    ws: Sequence[np.ndarray], amount: int | float
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Prune several arrays ranked together as one vector (`global_unstructured`).

    Returns `(pruned_list, mask_list)`: one pruned array and one float64 mask per input, in order
    and in each input's shape. `k` comes from the total number of entries.

    Raises:
        ValueError: as `prune_by_magnitude`, against the total number of entries.
    """
    arrays = [np.asarray(w, dtype=np.float64) for w in ws]
    total = sum(a.size for a in arrays)
    k = _count_to_prune(amount, total)
    magnitudes = np.concatenate([np.abs(a).ravel() for a in arrays]) if arrays else np.zeros(0)
    flat_mask = _mask(magnitudes, k)
    masks, start = [], 0
    for a in arrays:
        masks.append(flat_mask[start : start + a.size].reshape(a.shape).copy())
        start += a.size
    return [a * m for a, m in zip(arrays, masks, strict=True)], masks
