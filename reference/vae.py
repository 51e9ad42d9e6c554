"""Reference solution for the `vae` kata: the reparameterisation trick and the KL term of a VAE."""

from __future__ import annotations

import numpy as np


def _same_shape(mu: np.ndarray, logvar: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mu = np.asarray(mu, dtype=np.float64)
    logvar = np.asarray(logvar, dtype=np.float64)
    if mu.shape != logvar.shape:
        raise ValueError(
            f"mu and logvar must have the same shape, got {mu.shape} and {logvar.shape}"
        )
    return mu, logvar


def reparameterize(mu: np.ndarray, logvar: np.ndarray, *, rng: np.random.Generator) -> np.ndarray:
    """`z = mu + exp(0.5 * logvar) * eps`, `eps` standard normal, one draw per element from `rng`.

    Raises:
        ValueError: `mu` and `logvar` differ in shape.
    """
    mu, logvar = _same_shape(mu, logvar)
    eps = rng.standard_normal(mu.shape)
    return mu + np.exp(0.5 * logvar) * eps


def kl_divergence(mu: np.ndarray, logvar: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """KL(N(mu, exp(logvar)) || N(0, 1)) summed over the latent axis and averaged over the batch,
    with its gradients with respect to `mu` and `logvar`.

    Raises:
        ValueError: `mu` and `logvar` differ in shape, or are not 2-D and non-empty.
    """
    mu, logvar = _same_shape(mu, logvar)
    if mu.ndim != 2 or mu.size == 0:
        raise ValueError(f"mu and logvar must be 2-D (N, D) and non-empty, got shape {mu.shape}")
    n = mu.shape[0]
    variance = np.exp(logvar)
    # -0.5 / N * sum(1 + logvar - mu² - exp(logvar)), written so that the prior gives +0.0
    kl = 0.5 / n * float(np.sum(variance + mu**2 - 1.0 - logvar))
    dmu = mu / n
    dlogvar = 0.5 * (variance - 1.0) / n
    return kl, dmu, dlogvar
