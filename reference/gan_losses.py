"""Reference solution for the `gan_losses` kata: the standard GAN losses on logits."""

from __future__ import annotations

import numpy as np


def _softplus(x: np.ndarray) -> np.ndarray:
    """`log(1 + exp(x))` without overflow: `max(x, 0) + log1p(exp(-|x|))`."""
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    """`1 / (1 + exp(-x))` without overflow: the exponent is never positive."""
    e = np.exp(-np.abs(x))  # in (0, 1]
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _logits(x: np.ndarray, name: str) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        raise ValueError(f"{name} is empty (shape {x.shape}): the mean of no elements is undefined")
    return x


def discriminator_loss(
    real_logits: np.ndarray, fake_logits: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """`mean(softplus(-real)) + mean(softplus(fake))` and its gradients.

    Args:
        real_logits: the discriminator's logits on real samples, any shape, at least one element.
        fake_logits: its logits on generated samples, any shape (may differ from `real_logits`).

    Returns:
        `(loss, d_real_logits, d_fake_logits)`: the loss a Python float,
        `d_real_logits = (sigmoid(real) - 1) / real.size`,
        `d_fake_logits = sigmoid(fake) / fake.size`.

    Raises:
        ValueError: if either array is empty.
    """
    real = _logits(real_logits, "real_logits")
    fake = _logits(fake_logits, "fake_logits")
    # BCE against target 1 costs softplus(-x); against target 0, softplus(x). Two separate means.
    loss = float(np.mean(_softplus(-real)) + np.mean(_softplus(fake)))
    # sigmoid(x) - 1 = -sigmoid(-x), computed without the cancellation near 1.
    d_real = -_sigmoid(-real) / real.size
    d_fake = _sigmoid(fake) / fake.size
    return loss, d_real, d_fake


def generator_loss(fake_logits: np.ndarray) -> tuple[float, np.ndarray]:
    """The non-saturating generator loss `mean(softplus(-fake))` and its gradient.

    Args:
        fake_logits: the discriminator's logits on generated samples, any shape, non-empty.

    Returns:
        `(loss, d_fake_logits)`: the loss a Python float,
        `d_fake_logits = (sigmoid(fake) - 1) / fake.size`.

    Raises:
        ValueError: if the array is empty.
    """
    fake = _logits(fake_logits, "fake_logits")
    loss = float(np.mean(_softplus(-fake)))
    d_fake = -_sigmoid(-fake) / fake.size
    return loss, d_fake
