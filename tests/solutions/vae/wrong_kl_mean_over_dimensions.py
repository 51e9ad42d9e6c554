# wrong(kl_divergence): averaged over every element (N * D) instead of summed over D, mean over N
import numpy as np
from correct_transposed import reparameterize  # noqa: F401


def kl_divergence(mu, logvar):
    if mu.shape != logvar.shape or mu.ndim != 2 or mu.size == 0:
        raise ValueError("need non-empty (N, D) arrays of one shape")
    kl = -0.5 * float(np.mean(1 + logvar - mu**2 - np.exp(logvar)))
    return kl, mu / mu.size, 0.5 * (np.exp(logvar) - 1) / mu.size
