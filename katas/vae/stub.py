"""Kata `vae`: the two pieces of a variational auto-encoder's loss that are not a plain layer.

Implement `reparameterize`, which draws a latent sample `z ~ N(mu, exp(logvar))` as a
differentiable function of `mu` and `logvar` (the reparameterisation trick), and
`kl_divergence`, the KL term of the VAE loss with its gradients. All arrays are float64.
"""

from __future__ import annotations

import numpy as np


def reparameterize(mu: np.ndarray, logvar: np.ndarray, *, rng: np.random.Generator) -> np.ndarray:
    """Draw `z = mu + sigma * eps` with `sigma = exp(0.5 * logvar)` and `eps ~ N(0, 1)`.

    Args:
        mu: the means, an array of any shape (`(N, D)` in a VAE).
        logvar: the log-variances `log(sigma ** 2)`, the same shape as `mu`.
        rng: the only source of randomness (contract rule 4): one independent standard normal
            draw per element of `mu`, by any valid way of drawing from `rng`.

    Returns:
        `z`, a new float64 array of `mu`'s shape.

    Raises:
        ValueError: `mu` and `logvar` differ in shape (no broadcasting: `(4, 3)` against `(3,)`
            is an error).
    """
    raise NotImplementedError


def kl_divergence(mu: np.ndarray, logvar: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """The KL term of the VAE loss and its gradients.

    Args:
        mu: the encoder's means, shape `(N, D)` (`N` samples, `D` latent dimensions).
        logvar: the encoder's log-variances, shape `(N, D)`.

    Returns:
        `(kl, dmu, dlogvar)`: `kl`, a Python float, is KL(N(mu, sigma²) ‖ N(0, 1)) summed over
        the `D` latent dimensions and averaged over the `N` samples,
        `-0.5 / N * sum(1 + logvar - mu ** 2 - exp(logvar))`, as
        `torch.distributions.kl_divergence(Normal(mu, sigma), Normal(0, 1)).sum(1).mean()`;
        `dmu` and `dlogvar` are the gradients of `kl` with respect to `mu` and `logvar`, each of
        shape `(N, D)`.

    Raises:
        ValueError: `mu` and `logvar` differ in shape, are not 2-D, or are empty (`N == 0` or
            `D == 0`).
    """
    raise NotImplementedError
