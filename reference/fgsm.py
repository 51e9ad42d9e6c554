"""Reference solution for the `fgsm` kata: the fast gradient sign method, and its attack on a
logistic-regression model."""

from __future__ import annotations

import numpy as np


def fgsm_attack(
    x: np.ndarray,
    grad: np.ndarray,
    epsilon: float,
    *,
    clip_min: float = 0.0,
    clip_max: float = 1.0,
) -> np.ndarray:
    """One FGSM step that increases the loss: `clip(x + epsilon * sign(grad), clip_min, clip_max)`.

    Args:
        x: the input, any shape.
        grad: the gradient of the loss with respect to `x`, same shape as `x`.
        epsilon: the step in the L-infinity norm, `>= 0`.
        clip_min, clip_max: the valid range of every entry (pixels in `[0, 1]` by default).

    Returns:
        A new float64 array of `x`'s shape.

    Raises:
        ValueError: for `epsilon < 0`.
    """
    if epsilon < 0:
        raise ValueError(f"epsilon must be >= 0, got {epsilon}")
    x = np.asarray(x, dtype=np.float64)
    grad = np.asarray(grad, dtype=np.float64)
    # np.sign(0) == 0: an entry whose gradient is exactly zero does not move.
    moved = x + epsilon * np.sign(grad)
    # torch.clamp: max(min(v, clip_max), clip_min) on every entry, moved or not.
    return np.asarray(np.clip(moved, clip_min, clip_max), dtype=np.float64)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic sigmoid without overflow: only exp(-|z|), which lies in (0, 1], is computed."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logistic_fgsm(
    x: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    b: float,
    epsilon: float,
    *,
    clip_min: float = 0.0,
    clip_max: float = 1.0,
) -> np.ndarray:
    """FGSM against logistic regression `p = sigmoid(x @ w + b)`, mean binary cross-entropy.

    Args:
        x: inputs `(N, D)`.
        y: labels `(N,)` in `{0, 1}` (integer or float).
        w: weights `(D,)`.
        b: the bias, a scalar.
        epsilon: the step, `>= 0`.
        clip_min, clip_max: the valid range of every entry.

    Returns:
        `fgsm_attack(x, dL/dx, epsilon, ...)`, a new float64 array `(N, D)`.

    Raises:
        ValueError: for `epsilon < 0`.
    """
    # epsilon < 0 is refused by fgsm_attack, which every call ends in
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    p = _sigmoid(x @ w + b)
    # L = mean_i BCE(z_i, y_i), dL/dz_i = (p_i - y_i) / N, z_i = x_i . w + b, so dL/dx_i = that * w.
    grad = (p - y)[:, None] * w[None, :] / x.shape[0]
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
