"""Reference solution for the `minibatches` kata: one epoch of a DataLoader, as a list."""

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
    """One epoch of `DataLoader(TensorDataset(x, y), batch_size, shuffle, drop_last)`.

    Args:
        x: samples along the first axis, shape `(N, ...)`.
        y: targets along the first axis, shape `(N,)` or `(N, ...)`.
        batch_size: samples per batch, at least 1.
        shuffle: visit the samples in one uniformly random order drawn from `rng`.
        drop_last: leave out the last batch when it holds fewer than `batch_size` samples.
        rng: the generator of the order; required when `shuffle` is true, unused otherwise.

    Returns:
        A list of `(xb, yb)` with `xb = x[idx]` and `yb = y[idx]` for consecutive slices `idx`
        of the order.

    Raises:
        ValueError: `batch_size < 1`, `len(x) != len(y)`, or `shuffle` without `rng`.
    """
    x = np.asarray(x)
    y = np.asarray(y)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} samples but y has {len(y)}: they must be paired")
    if shuffle and rng is None:
        raise ValueError("shuffle=True needs a generator: pass rng=np.random.default_rng(seed)")
    n = len(x)
    # A uniformly random permutation (every one of the n! orders equally likely), or the identity.
    order = rng.permutation(n) if shuffle else np.arange(n)
    # With drop_last the batches stop before the incomplete tail; otherwise the tail is a batch.
    stop = n - n % batch_size if drop_last else n
    return [
        (x[order[start : start + batch_size]], y[order[start : start + batch_size]])
        for start in range(0, stop, batch_size)
    ]
