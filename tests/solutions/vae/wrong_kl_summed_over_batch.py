# wrong(kl_divergence): the KL summed over the batch too (no division by N), gradients likewise
import numpy as np
from correct_transposed import reparameterize  # noqa: F401


def kl_divergence(mu, logvar):
    if mu.shape != logvar.shape or mu.ndim != 2 or mu.size == 0:
        raise ValueError("need non-empty (N, D) arrays of one shape")
    kl = -0.5 * float(np.sum(1 + logvar - mu**2 - np.exp(logvar)))
    return kl, mu.copy(), 0.5 * (np.exp(logvar) - 1)
