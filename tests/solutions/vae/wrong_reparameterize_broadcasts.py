# wrong(reparameterize): no shape check: logvar of shape (D,) or (1, D) is broadcast over mu
import numpy as np
from correct_transposed import kl_divergence  # noqa: F401


def reparameterize(mu, logvar, *, rng):
    return mu + np.exp(0.5 * logvar) * rng.standard_normal(mu.shape)
