"""Reference solution for the `softmax_cross_entropy` kata: stable softmax and its loss."""

from __future__ import annotations

import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax along `axis`: `exp(x) / sum(exp(x))`, stable for inputs up to 1e4 in magnitude.

    Args:
        x: input of any shape (at least 1-D).
        axis: the axis whose entries are normalised to sum to 1.

    Returns:
        An array with the shape of `x`.
    """
    x = np.asarray(x, dtype=np.float64)
    # Softmax is unchanged by subtracting a constant from every entry of a slice; subtracting
    # the slice's maximum makes every exponent <= 0 (no overflow) and one of them exactly 0,
    # so the denominator is >= 1 (no division by zero).
    shifted = x - x.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def softmax_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean cross-entropy of softmax(logits) against integer class labels, and its gradient.

    Args:
        logits: unnormalised scores, shape `(N, K)`.
        labels: integer class indices, shape `(N,)`, each in `[0, K)`.

    Returns:
        `(loss, dlogits)`: `loss` is the mean over the batch of `-log softmax(logits)[i, labels[i]]`
        (a Python float), `dlogits = (softmax(logits) - onehot(labels)) / N`, shape `(N, K)`.

    Raises:
        ValueError: if `logits` is not 2-D, `labels` is not 1-D of integers, their lengths
            differ, or a label lies outside `[0, K)`.
    """
    logits = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(labels)
    if logits.ndim != 2:
        raise ValueError(f"logits must be 2-D (N, K), got shape {logits.shape}")
    if labels.ndim != 1:
        raise ValueError(f"labels must be 1-D (N,), got shape {labels.shape}")
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be integers, got dtype {labels.dtype}")
    n, k = logits.shape[0], logits.shape[1]
    if labels.shape[0] != n:
        raise ValueError(f"got {labels.shape[0]} labels for {n} rows of logits")
    bad = (labels < 0) | (labels >= k)
    if bad.any():
        raise ValueError(
            f"labels must lie in [0, {k}); got {labels[bad][0]} at index {np.flatnonzero(bad)[0]}"
        )

    rows = np.arange(n)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))  # >= log(1) = 0, never log(0)
    # -log softmax[i, y_i] = log sum_j exp(z_ij) - z_iy, with the same shift on both terms.
    loss = float(np.mean(log_sum - shifted[rows, labels]))

    dlogits = softmax(logits, axis=1)
    dlogits[rows, labels] -= 1.0
    dlogits /= n  # the loss is a mean, so every row's gradient carries 1/N
    return loss, dlogits
