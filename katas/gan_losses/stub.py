"""Kata `gan_losses`: the discriminator's and the (non-saturating) generator's GAN losses.

Both are built from `torch.nn.functional.binary_cross_entropy_with_logits` with its default mean
over all elements, on the discriminator's raw logits (before the sigmoid), and return the loss
with its gradients. Both must be stable and accurate for logits up to 1e4 in magnitude: no
overflow, invalid-value or division-by-zero warning. Never modify an input in place.
"""

from __future__ import annotations

import numpy as np


def discriminator_loss(
    real_logits: np.ndarray, fake_logits: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """The discriminator's loss: real samples against target 1, fakes against target 0.

    `loss = mean(softplus(-real_logits)) + mean(softplus(fake_logits))` with
    `softplus(x) = log(1 + exp(x))`: the sum of two separate means, each over all elements of its
    own array (not one mean over both arrays, and no factor 1/2).

    Args:
        real_logits: the discriminator's logits on real samples, a float array of any shape.
        fake_logits: its logits on generated samples, any shape; its shape and size may differ
            from `real_logits`'.

    Returns:
        `(loss, d_real_logits, d_fake_logits)`: `loss` a Python float; the gradients of `loss`
        with respect to `real_logits` and `fake_logits`, each of the shape of its input.

    Raises:
        ValueError: if either array is empty (has no element).
    """
    raise NotImplementedError


def generator_loss(fake_logits: np.ndarray) -> tuple[float, np.ndarray]:
    """The non-saturating generator loss: fakes against target 1.

    `loss = mean(softplus(-fake_logits)) = -mean(log(sigmoid(fake_logits)))`, the mean over all
    elements; not the saturating `mean(log(1 - sigmoid(fake_logits)))`.

    Args:
        fake_logits: the discriminator's logits on generated samples, a float array of any shape.

    Returns:
        `(loss, d_fake_logits)`: `loss` a Python float; its gradient with respect to
        `fake_logits`, of the shape of `fake_logits`.

    Raises:
        ValueError: if the array is empty (has no element).
    """
    raise NotImplementedError
