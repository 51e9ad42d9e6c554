# wrong(reparameterize): one row of noise, shape mu.shape[1:], shared by every sample of the batch
import numpy as np
from correct_transposed import kl_divergence  # noqa: F401


def reparameterize(mu, logvar, *, rng):
    if mu.shape != logvar.shape:
        raise ValueError("shapes differ")
    eps = rng.standard_normal(mu.shape[1:])
    return mu + np.exp(0.5 * logvar) * eps
