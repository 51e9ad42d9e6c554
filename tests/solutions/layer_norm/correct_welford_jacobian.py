# correct: Welford's one-pass mean and variance per group, backward through each group's Jacobian
from __future__ import annotations

import numpy as np


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    x = np.array(x, dtype=np.float64)
    gamma = np.array(gamma, dtype=np.float64)
    beta = np.array(beta, dtype=np.float64)
    k = gamma.ndim
    if k == 0 or beta.shape != gamma.shape or x.shape[max(x.ndim - k, 0) :] != gamma.shape:
        raise ValueError(f"x {x.shape}, gamma {gamma.shape}, beta {beta.shape}: shapes disagree")
    if x.ndim < k:
        raise ValueError("x has fewer dimensions than gamma")
    groups = x.reshape(-1, gamma.size)
    means = np.empty(len(groups))
    variances = np.empty(len(groups))
    for r, values in enumerate(groups):
        mean, m2 = 0.0, 0.0
        for count, value in enumerate(values, start=1):  # Welford: numerically stable
            delta = value - mean
            mean += delta / count
            m2 += delta * (value - mean)
        means[r], variances[r] = mean, m2 / len(values)
    x_hat = (groups - means[:, None]) / np.sqrt(variances + eps)[:, None]
    out = (x_hat * gamma.ravel() + beta.ravel()).reshape(x.shape)
    return out, (x_hat, np.sqrt(variances + eps), gamma, x.shape)


def layer_norm_backward(dout, cache):
    x_hat, std, gamma, shape = cache
    dout = np.array(dout, dtype=np.float64)
    if dout.shape != shape:
        raise ValueError(f"dout {dout.shape} must have the shape of x {shape}")
    d = dout.reshape(-1, gamma.size)
    m = gamma.size
    dx = np.empty_like(d)
    eye = np.eye(m)
    for r in range(len(d)):
        # d x_hat_j / d x_i = (delta_ij - 1/m - x_hat_i * x_hat_j / m) / std, a symmetric matrix
        jac = (eye - 1.0 / m - np.outer(x_hat[r], x_hat[r]) / m) / std[r]
        dx[r] = jac @ (d[r] * gamma.ravel())
    dgamma = (d * x_hat).sum(axis=0).reshape(gamma.shape)
    dbeta = d.sum(axis=0).reshape(gamma.shape)
    return dx.reshape(shape), dgamma, dbeta
