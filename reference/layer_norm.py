"""Reference solution for the `layer_norm` kata: layer normalisation, forward and backward.

Semantics are those of `torch.nn.functional.layer_norm(x, gamma.shape, gamma, beta, eps)`: the
normalised shape is `gamma.shape`, the last `gamma.ndim` axes of `x`; every position of the leading
axes (there may be none) gets its own mean and biased variance. No running statistics, one mode.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _check(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> None:
    if gamma.ndim == 0:
        # As PyTorch: the normalised shape needs at least one dimension.
        raise ValueError("gamma must have at least one dimension (the normalised shape), got ()")
    if beta.shape != gamma.shape:
        raise ValueError(f"beta must have gamma's shape {gamma.shape}, got {beta.shape}")
    k = gamma.ndim
    if x.ndim < k or x.shape[x.ndim - k :] != gamma.shape:
        raise ValueError(
            f"the last {k} dimension(s) of x must equal gamma's shape {gamma.shape} "
            f"(no broadcasting), got x of shape {x.shape}"
        )


def layer_norm_forward(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, *, eps: float = 1e-5
) -> tuple[np.ndarray, Any]:
    """Layer normalisation over the last gamma.ndim axes of x. Returns (out, cache)."""
    x = np.asarray(x, dtype=np.float64)
    gamma = np.asarray(gamma, dtype=np.float64)
    beta = np.asarray(beta, dtype=np.float64)
    _check(x, gamma, beta)
    axes = tuple(range(x.ndim - gamma.ndim, x.ndim))  # the normalised axes
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)  # biased: divide by their size
    inv_std = 1.0 / np.sqrt(var + eps)  # eps inside the square root
    x_hat = (x - mean) * inv_std
    out = x_hat * gamma + beta
    return out, (x_hat, inv_std, gamma)


def layer_norm_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dgamma, dbeta) of layer normalisation."""
    x_hat, inv_std, gamma = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != x_hat.shape:
        raise ValueError(
            f"dout must have the shape of the forward output {x_hat.shape}, got {dout.shape}"
        )
    lead = tuple(range(x_hat.ndim - gamma.ndim))  # the leading axes: summed for the parameters
    axes = tuple(range(x_hat.ndim - gamma.ndim, x_hat.ndim))  # the normalised axes
    dbeta = dout.sum(axis=lead)
    dgamma = (dout * x_hat).sum(axis=lead)
    g = dout * gamma  # the gradient reaching x_hat
    # The mean and the variance of each normalised group depend on every x in it: projecting
    # out the constant direction and the direction of x_hat gives their contribution.
    dx = inv_std * (
        g - g.mean(axis=axes, keepdims=True) - x_hat * (g * x_hat).mean(axis=axes, keepdims=True)
    )
    return dx, dgamma, dbeta
