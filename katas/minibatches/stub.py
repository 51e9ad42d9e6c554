"""Kata `minibatches`: split a data set into the mini-batches of one epoch, in NumPy.

Return what one pass over `torch.utils.data.DataLoader(TensorDataset(x, y),
batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)` yields, as a list of `(xb, yb)`
pairs: every sample at most once, in a uniformly random order drawn from `rng` when shuffling.
Never modify the inputs, and never use the global `np.random` state.
"""

from __future__ import annotations

import numpy as np


def minibatches(
    x: np.ndarray,
    y: np.ndarray,
    batch_size: int,
    *,
    shuffle: bool = True,
    drop_last: bool = False,
    rng: np.random.Generator | None = None,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """One epoch of mini-batches, as `DataLoader(TensorDataset(x, y), ...)` yields them.

    Args:
        x: the samples, shape `(N, ...)` (any number of axes after the first); sample `i` is
            `x[i]`.
        y: the targets, shape `(N,)` or `(N, ...)`; `y[i]` belongs to `x[i]`.
        batch_size: the number of samples per batch, at least 1.
        shuffle: when true (the default here; `DataLoader`'s default is false), the samples are
            visited in one uniformly random order of all `N` (each of the `N!` orders equally
            likely), drawn from `rng`; when false, in the order `0, 1, ..., N - 1`.
        drop_last: when true, a last batch with fewer than `batch_size` samples is left out
            (so with `N < batch_size` the list is empty); when false it is kept.
        rng: the generator the order is drawn from. Required when `shuffle` is true; may be
            None and is not used when `shuffle` is false.

    Returns:
        A list of `(xb, yb)` tuples, in order. The batches are consecutive slices of the visiting
        order, `batch_size` samples each, the last one holding the `N % batch_size` remaining
        samples unless `drop_last` leaves it out. For a batch with sample indices `idx`,
        `xb = x[idx]` and `yb = y[idx]` (the same indices for both, the first axis of length
        `len(idx)` kept even when it is 1, the dtypes of `x` and `y` kept; views or copies are
        both fine). Each sample occurs at most once; with `shuffle=False`, `N = 0` gives an
        empty list.

    Raises:
        ValueError: if `batch_size < 1`, if `len(x) != len(y)`, or if `shuffle` is true and
            `rng` is None.
    """
    raise NotImplementedError
