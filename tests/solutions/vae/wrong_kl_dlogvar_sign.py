# wrong(kl_divergence): dlogvar = 0.5 * (1 - exp(logvar)) / N, the sign of the gradient flipped
import numpy as np
from correct_transposed import reparameterize  # noqa: F401


def kl_divergence(mu, logvar):
    if mu.shape != logvar.shape or mu.ndim != 2 or mu.size == 0:
        raise ValueError("need non-empty (N, D) arrays of one shape")
    n = mu.shape[0]
    kl = -0.5 / n * float(np.sum(1 + logvar - mu**2 - np.exp(logvar)))
    return kl, mu / n, 0.5 * (1 - np.exp(logvar)) / n
