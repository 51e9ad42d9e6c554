# correct: eps drawn with rng.normal in the reversed axis order and transposed; einsum for the KL
import numpy as np


def reparameterize(mu, logvar, *, rng):
    if np.shape(mu) != np.shape(logvar):
        raise ValueError("mu and logvar differ in shape")
    eps = rng.normal(0.0, 1.0, size=mu.shape[::-1]).T
    return mu + np.exp(logvar / 2) * eps


def kl_divergence(mu, logvar):
    if np.shape(mu) != np.shape(logvar):
        raise ValueError("mu and logvar differ in shape")
    if np.ndim(mu) != 2 or np.size(mu) == 0:
        raise ValueError("expected non-empty 2-D arrays")
    n = mu.shape[0]
    var = np.exp(logvar)
    rows = np.einsum("nd->n", var + mu * mu - 1.0 - logvar) / 2
    return float(np.mean(rows)), mu / n, (var - 1.0) / 2 / n
