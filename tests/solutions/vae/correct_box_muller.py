# correct: normals by Box-Muller from rng.random; KL written with sigma as torch.distributions does
import numpy as np


def reparameterize(mu, logvar, *, rng):
    mu = np.asarray(mu, dtype=np.float64)
    logvar = np.asarray(logvar, dtype=np.float64)
    if mu.shape != logvar.shape:
        raise ValueError(f"shape mismatch: {mu.shape} vs {logvar.shape}")
    n = mu.size
    pairs = (n + 1) // 2
    u1 = 1.0 - rng.random(pairs)  # in (0, 1]
    u2 = rng.random(pairs)
    radius = np.sqrt(-2.0 * np.log(u1))
    eps = np.concatenate([radius * np.cos(2 * np.pi * u2), radius * np.sin(2 * np.pi * u2)])
    sigma = np.sqrt(np.exp(logvar))
    return mu + sigma * eps[:n].reshape(mu.shape)


def kl_divergence(mu, logvar):
    mu = np.asarray(mu, dtype=np.float64)
    logvar = np.asarray(logvar, dtype=np.float64)
    if mu.shape != logvar.shape or mu.ndim != 2 or 0 in mu.shape:
        raise ValueError(
            f"need two non-empty (N, D) arrays of one shape, got {mu.shape}, {logvar.shape}"
        )
    n = mu.shape[0]
    sigma = np.exp(0.5 * logvar)
    per_element = 0.5 * (sigma**2 + mu**2) - 0.5 - np.log(sigma)
    kl = float(per_element.sum(axis=1).mean())
    return kl, mu / n, (sigma**2 - 1.0) / (2.0 * n)
