# wrong(kl_divergence): the KL is averaged over N but dmu and dlogvar are not divided by N
import numpy as np
from correct_transposed import reparameterize  # noqa: F401


def kl_divergence(mu, logvar):
    if mu.shape != logvar.shape or mu.ndim != 2 or mu.size == 0:
        raise ValueError("need non-empty (N, D) arrays of one shape")
    n = mu.shape[0]
    kl = -0.5 / n * float(np.sum(1 + logvar - mu**2 - np.exp(logvar)))
    return kl, mu.copy(), 0.5 * (np.exp(logvar) - 1)
