# wrong(reparameterize): eps drawn uniform in [0, 1) (rng.random) instead of standard normal
import numpy as np
from correct_transposed import kl_divergence  # noqa: F401


def reparameterize(mu, logvar, *, rng):
    if mu.shape != logvar.shape:
        raise ValueError("shapes differ")
    return mu + np.exp(0.5 * logvar) * rng.random(mu.shape)
