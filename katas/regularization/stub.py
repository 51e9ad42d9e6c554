"""Kata `regularization`: the L1, L2 and elastic-net weight penalties with their gradients.

Each function takes a weight array `w` (any shape) and a strength `lam >= 0` and returns the
penalty that would be added to a training loss, as a Python float, together with its gradient
with respect to `w`, an array of `w`'s shape. The conventions are PyTorch's (`weight_decay`) and
scikit-learn's (`ElasticNet`). All arrays are float64; never modify an input in place.
"""

from __future__ import annotations

import numpy as np


def l1_penalty(w: np.ndarray, lam: float) -> tuple[float, np.ndarray]:
    """The L1 (lasso) penalty `lam * sum(|w|)` and its gradient.

    Args:
        w: weights, a float64 array of any shape (empty included: its penalty is 0).
        lam: penalty strength, `lam >= 0`; `lam = 0` gives a zero penalty and a zero gradient.

    Returns:
        `(penalty, grad)`: `penalty` a Python float; `grad` a new float64 array of `w`'s shape,
        `lam * sign(w)`. At an entry that is exactly 0 the gradient is 0 (the choice torch's
        autograd makes for `torch.abs`), not `+lam` or `-lam`.

    Raises:
        ValueError: if `lam < 0`.
    """
    raise NotImplementedError


def l2_penalty(w: np.ndarray, lam: float) -> tuple[float, np.ndarray]:
    """The L2 (ridge) penalty `0.5 * lam * sum(w ** 2)` and its gradient.

    Args:
        w: weights, a float64 array of any shape (empty included: its penalty is 0).
        lam: penalty strength, `lam >= 0`; `lam = 0` gives a zero penalty and a zero gradient.

    Returns:
        `(penalty, grad)`: `penalty` a Python float (note the factor 1/2); `grad` a new float64
        array of `w`'s shape, `lam * w`: exactly the term that
        `torch.optim.SGD(..., weight_decay=lam)` adds to a parameter's gradient.

    Raises:
        ValueError: if `lam < 0`.
    """
    raise NotImplementedError


def elastic_net_penalty(w: np.ndarray, lam: float, l1_ratio: float) -> tuple[float, np.ndarray]:
    """The elastic-net penalty of `sklearn.linear_model.ElasticNet(alpha=lam, l1_ratio=l1_ratio)`.

    `penalty = lam * (l1_ratio * sum(|w|) + 0.5 * (1 - l1_ratio) * sum(w ** 2))`.

    Args:
        w: weights, a float64 array of any shape (empty included: its penalty is 0).
        lam: penalty strength, `lam >= 0` (scikit-learn's `alpha`).
        l1_ratio: the share of the L1 part, `0 <= l1_ratio <= 1`: `1` is `l1_penalty(w, lam)`,
            `0` is `l2_penalty(w, lam)`.

    Returns:
        `(penalty, grad)`: `penalty` a Python float; `grad` a new float64 array of `w`'s shape,
        `lam * (l1_ratio * sign(w) + (1 - l1_ratio) * w)`, with `sign(0) = 0` as in
        `l1_penalty`.

    Raises:
        ValueError: if `lam < 0`, or `l1_ratio` lies outside `[0, 1]`.
    """
    raise NotImplementedError
