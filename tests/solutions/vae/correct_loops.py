# correct: plain loops, one rng.standard_normal() per element in row-major order; KL term by term
import math

import numpy as np


def reparameterize(mu, logvar, *, rng):
    if mu.shape != logvar.shape:
        raise ValueError("mu and logvar must have the same shape")
    z = np.empty(mu.shape)
    for index in np.ndindex(*mu.shape):
        eps = rng.standard_normal()
        z[index] = mu[index] + math.exp(0.5 * logvar[index]) * eps
    return z


def kl_divergence(mu, logvar):
    if mu.shape != logvar.shape:
        raise ValueError("mu and logvar must have the same shape")
    if mu.ndim != 2 or mu.shape[0] == 0 or mu.shape[1] == 0:
        raise ValueError("mu and logvar must be non-empty (N, D) arrays")
    n, d = mu.shape
    total = 0.0
    dmu = np.empty((n, d))
    dlogvar = np.empty((n, d))
    for i in range(n):
        for j in range(d):
            m, lv = mu[i, j], logvar[i, j]
            total += -0.5 * (1.0 + lv - m * m - math.exp(lv))
            dmu[i, j] = m / n
            dlogvar[i, j] = 0.5 * (math.exp(lv) - 1.0) / n
    return total / n, dmu, dlogvar
