"""Reference solution for the `regularization` kata: L1, L2 and elastic-net weight penalties."""

from __future__ import annotations

import numpy as np


def l1_penalty(w: np.ndarray, lam: float) -> tuple[float, np.ndarray]:
    """The L1 penalty `lam * sum(|w|)` and its gradient `lam * sign(w)` (0 where `w` is 0).

    Args:
        w: weights, any shape.
        lam: penalty strength, `lam >= 0`.

    Returns:
        `(penalty, grad)`: a Python float and an array of `w`'s shape.

    Raises:
        ValueError: if `lam < 0`.
    """
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    w = np.asarray(w, dtype=np.float64)
    penalty = lam * float(np.sum(np.abs(w)))
    # np.sign(0) == 0: the subgradient torch's autograd picks for abs at 0
    grad = lam * np.sign(w)
    return float(penalty), grad


def l2_penalty(w: np.ndarray, lam: float) -> tuple[float, np.ndarray]:
    """The L2 penalty `0.5 * lam * sum(w ** 2)` and its gradient `lam * w`.

    Args:
        w: weights, any shape.
        lam: penalty strength, `lam >= 0`; `lam * w` is what `weight_decay=lam` adds in
            `torch.optim.SGD`.

    Returns:
        `(penalty, grad)`: a Python float and an array of `w`'s shape.

    Raises:
        ValueError: if `lam < 0`.
    """
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    w = np.asarray(w, dtype=np.float64)
    penalty = 0.5 * lam * float(np.sum(w * w))
    grad = lam * w  # a new array: w itself is never returned
    return float(penalty), grad


def elastic_net_penalty(w: np.ndarray, lam: float, l1_ratio: float) -> tuple[float, np.ndarray]:
    """scikit-learn's elastic-net penalty and its gradient.

    `lam * (l1_ratio * sum(|w|) + 0.5 * (1 - l1_ratio) * sum(w ** 2))`, gradient
    `lam * (l1_ratio * sign(w) + (1 - l1_ratio) * w)`.

    Args:
        w: weights, any shape.
        lam: penalty strength, `lam >= 0` (sklearn's `alpha`).
        l1_ratio: the weight of the L1 part, `0 <= l1_ratio <= 1`.

    Returns:
        `(penalty, grad)`: a Python float and an array of `w`'s shape.

    Raises:
        ValueError: if `lam < 0` or `l1_ratio` lies outside `[0, 1]`.
    """
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    if not 0 <= l1_ratio <= 1:
        raise ValueError(f"l1_ratio must lie in [0, 1], got {l1_ratio}")
    w = np.asarray(w, dtype=np.float64)
    l1 = float(np.sum(np.abs(w)))
    l2 = float(np.sum(w * w))
    penalty = lam * (l1_ratio * l1 + 0.5 * (1 - l1_ratio) * l2)
    grad = lam * (l1_ratio * np.sign(w) + (1 - l1_ratio) * w)
    return float(penalty), grad
