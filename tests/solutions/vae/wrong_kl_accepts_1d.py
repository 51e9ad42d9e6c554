# wrong(kl_divergence): only the shapes are compared: a 1-D (D,) input is taken as one sample
import numpy as np
from correct_transposed import reparameterize  # noqa: F401


def kl_divergence(mu, logvar):
    if mu.shape != logvar.shape or mu.size == 0:
        raise ValueError("need non-empty arrays of one shape")
    mu2, logvar2 = np.atleast_2d(mu), np.atleast_2d(logvar)
    n = mu2.shape[0]
    kl = -0.5 / n * float(np.sum(1 + logvar2 - mu2**2 - np.exp(logvar2)))
    return kl, mu / n, 0.5 * (np.exp(logvar) - 1) / n
