"""Kata `softmax_cross_entropy`: a stable softmax and the mean cross-entropy loss with its gradient.

`softmax(x, axis)` normalises `exp(x)` along one axis. `softmax_cross_entropy(logits, labels)`
returns the loss of `torch.nn.functional.cross_entropy(logits, labels)` (mean over the batch)
and its gradient with respect to the logits. Both must be stable for inputs of magnitude up to
1e4: no overflow, invalid-value or division-by-zero warning. Never modify an input in place.
"""

from __future__ import annotations

import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax along `axis`: `exp(x) / sum(exp(x), axis)`, stable for large inputs.

    Args:
        x: float64 array of any shape (at least 1-D).
        axis: the axis along which the result sums to 1 (negative values count from the end).

    Returns:
        An array with the shape of `x`; every slice along `axis` is positive and sums to 1.
    """
    raise NotImplementedError


def softmax_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean cross-entropy between softmax(logits) and integer class labels, and its gradient.

    `loss = mean_i( -log softmax(logits)[i, labels[i]] )`, as
    `torch.nn.functional.cross_entropy` with its defaults.

    Args:
        logits: unnormalised class scores, shape `(N, K)`.
        labels: class indices, an array of an integer dtype, shape `(N,)`, each in `[0, K)`.

    Returns:
        `(loss, dlogits)`: `loss` a Python float (or 0-d array); `dlogits` the gradient of the
        loss with respect to `logits`, `(softmax(logits) - onehot(labels)) / N`, shape `(N, K)`.

    Raises:
        ValueError: if `logits` is not 2-D; if `labels` is not 1-D (a column `(N, 1)` is an
            error), not of an integer dtype (float labels such as `1.0` are an error, as in
            PyTorch), or has a length other than N (a single label is not broadcast); or if a
            label is outside `[0, K)` (negative labels included).
    """
    raise NotImplementedError
