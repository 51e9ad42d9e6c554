# wrong(reparameterize): sigma = exp(logvar), the variance, instead of exp(0.5 * logvar)
import numpy as np
from correct_transposed import kl_divergence  # noqa: F401


def reparameterize(mu, logvar, *, rng):
    if mu.shape != logvar.shape:
        raise ValueError("shapes differ")
    return mu + np.exp(logvar) * rng.standard_normal(mu.shape)
