"""Kata `fgsm`: the fast gradient sign method (Goodfellow et al., 2015), one adversarial step.

`fgsm_attack` moves every entry of `x` by `epsilon` in the direction that increases the loss,
`clip(x + epsilon * sign(grad), clip_min, clip_max)`, given the gradient of the loss with respect
to `x`. `logistic_fgsm` computes that gradient itself for a logistic-regression model under the
mean binary cross-entropy (`F.binary_cross_entropy_with_logits`) and attacks it.
Arrays are float64; return new arrays and never modify an input in place.
"""

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

    `sign` is `np.sign` / `torch.sign`: `sign(0) == 0`, so an entry whose gradient is exactly
    zero does not move (it is still clipped). The clip is `torch.clamp(..., clip_min, clip_max)`,
    applied to every entry, moved or not. `epsilon = 0` is valid and returns the clipped `x`.

    Args:
        x: the input, any shape (a batch of images `(N, C, H, W)`, a vector, even 0-d).
        grad: the gradient of the loss with respect to `x`, same shape as `x`.
        epsilon: the size of the step in every entry (its L-infinity norm), `>= 0`.
        clip_min: the smallest valid value of an entry.
        clip_max: the largest valid value of an entry.

    Returns:
        A new float64 array of `x`'s shape.

    Raises:
        ValueError: if `epsilon < 0`.
    """
    raise NotImplementedError


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
    """FGSM against logistic regression `p = sigmoid(x @ w + b)`.

    The loss is the mean binary cross-entropy over the batch,
    `F.binary_cross_entropy_with_logits(x @ w + b, y)`; its gradient with respect to the input
    `x` (not the weights) is `(p - y)[:, None] * w[None, :] / N`. Returns
    `fgsm_attack(x, that_gradient, epsilon, clip_min=clip_min, clip_max=clip_max)`.

    Stable for logits `x @ w + b` up to 1e4 in magnitude: no overflow, invalid-value or
    division-by-zero warning (underflow is fine). Where `p` equals `y` in floating point (a logit
    beyond about 37 on the side of the label) the gradient may come out as exactly 0 (no step)
    or as a tiny number of the right sign (a full step): both are accepted there, and everywhere
    else the result is exact.

    Args:
        x: inputs `(N, D)`, one row per sample.
        y: labels `(N,)` with values in `{0, 1}`, an integer or a float array.
        w: weights `(D,)`.
        b: the bias, a scalar.
        epsilon: the size of the step, `>= 0`.
        clip_min: the smallest valid value of an entry.
        clip_max: the largest valid value of an entry.

    Returns:
        A new float64 array `(N, D)`.

    Raises:
        ValueError: if `epsilon < 0`.
    """
    raise NotImplementedError
