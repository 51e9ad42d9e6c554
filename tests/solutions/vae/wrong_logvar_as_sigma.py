# wrong(reparameterize): logvar used as the standard deviation itself, z = mu + logvar * eps
from correct_transposed import kl_divergence  # noqa: F401


def reparameterize(mu, logvar, *, rng):
    if mu.shape != logvar.shape:
        raise ValueError("shapes differ")
    return mu + logvar * rng.standard_normal(mu.shape)
