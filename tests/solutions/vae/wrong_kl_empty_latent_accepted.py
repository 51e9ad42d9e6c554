# wrong(kl_divergence): checks N == 0 but not D == 0: an (N, 0) input gives KL 0 instead of an error
import numpy as np
from correct_transposed import reparameterize  # noqa: F401


def kl_divergence(mu, logvar):
    if mu.shape != logvar.shape or mu.ndim != 2 or mu.shape[0] == 0:
        raise ValueError("need (N, D) arrays of one shape with N >= 1")
    n = mu.shape[0]
    kl = -0.5 / n * float(np.sum(1 + logvar - mu**2 - np.exp(logvar)))
    return kl, mu / n, 0.5 * (np.exp(logvar) - 1) / n
