# wrong(reparameterize): eps from np.random.randn (the global state), not from rng
import numpy as np
from correct_transposed import kl_divergence  # noqa: F401


def reparameterize(mu, logvar, *, rng):
    if mu.shape != logvar.shape:
        raise ValueError("shapes differ")
    return mu + np.exp(0.5 * logvar) * np.random.randn(*mu.shape)
