# wrong(kl_divergence): logvar read as log(sigma): -0.5 * (1 + 2 logvar - mu ** 2 - exp(2 logvar))
import numpy as np
from correct_transposed import reparameterize  # noqa: F401


def kl_divergence(mu, logvar):
    if mu.shape != logvar.shape or mu.ndim != 2 or mu.size == 0:
        raise ValueError("need non-empty (N, D) arrays of one shape")
    n = mu.shape[0]
    kl = -0.5 / n * float(np.sum(1 + 2 * logvar - mu**2 - np.exp(2 * logvar)))
    return kl, mu / n, (np.exp(2 * logvar) - 1) / n
