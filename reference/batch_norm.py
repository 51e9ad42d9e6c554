"""Reference solution for the `batch_norm` kata: batch normalisation, forward and backward.

Semantics are those of `torch.nn.functional.batch_norm` (and `nn.BatchNorm1d/2d`): statistics per
channel (axis 1) over every other axis; the biased batch variance normalises, the unbiased one
feeds `running_var`; evaluation mode normalises with the running statistics.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _reduce_axes(ndim: int) -> tuple[int, ...]:
    """Every axis except the channel axis 1."""
    return (0, *range(2, ndim))


def _per_channel(v: np.ndarray, ndim: int) -> np.ndarray:
    """Reshape a (C,) vector so that it broadcasts along axis 1 of an ndim-dimensional array."""
    return v.reshape((1, -1) + (1,) * (ndim - 2))


def _check_vector(name: str, v: np.ndarray, channels: int) -> None:
    if v.shape != (channels,):
        raise ValueError(
            f"{name} must have shape ({channels},) to match x's channels, got {v.shape}"
        )


def batch_norm_forward(
    x: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    running_mean: np.ndarray,
    running_var: np.ndarray,
    *,
    training: bool = True,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, Any]:
    """Batch normalisation over axis 1 of x, shaped (N, C) or (N, C, H, W).

    Returns (out, new_running_mean, new_running_var, cache).
    """
    x = np.asarray(x, dtype=np.float64)
    gamma = np.asarray(gamma, dtype=np.float64)
    beta = np.asarray(beta, dtype=np.float64)
    running_mean = np.asarray(running_mean, dtype=np.float64)
    running_var = np.asarray(running_var, dtype=np.float64)
    if x.ndim not in (2, 4):
        raise ValueError(f"x must have shape (N, C) or (N, C, H, W), got {x.shape}")
    channels = x.shape[1]
    for name, v in (
        ("gamma", gamma),
        ("beta", beta),
        ("running_mean", running_mean),
        ("running_var", running_var),
    ):
        _check_vector(name, v, channels)

    axes = _reduce_axes(x.ndim)
    m = x.size // channels if channels else 0  # values per channel
    if training:
        if m <= 1:
            # As PyTorch: a single value has no spread, and the unbiased variance would be 0/0.
            raise ValueError(
                f"expected more than 1 value per channel when training, got x of shape {x.shape}"
            )
        mean = x.mean(axis=axes)
        var = x.var(axis=axes)  # biased (divides by m): this is what normalises
        new_running_mean = (1.0 - momentum) * running_mean + momentum * mean
        # The running estimate uses the unbiased variance (divides by m - 1), as PyTorch.
        new_running_var = (1.0 - momentum) * running_var + momentum * var * (m / (m - 1))
    else:
        mean, var = running_mean, running_var
        new_running_mean, new_running_var = running_mean.copy(), running_var.copy()

    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - _per_channel(mean, x.ndim)) * _per_channel(inv_std, x.ndim)
    out = _per_channel(gamma, x.ndim) * x_hat + _per_channel(beta, x.ndim)
    cache = (x_hat, gamma, inv_std, bool(training))
    return out, new_running_mean, new_running_var, cache


def batch_norm_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dgamma, dbeta) of batch normalisation, for the mode the forward ran in."""
    x_hat, gamma, inv_std, training = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != x_hat.shape:
        raise ValueError(
            f"dout must have the shape of the forward output {x_hat.shape}, got {dout.shape}"
        )
    ndim = x_hat.ndim
    axes = _reduce_axes(ndim)

    dbeta = dout.sum(axis=axes)
    dgamma = (dout * x_hat).sum(axis=axes)
    dx_hat = dout * _per_channel(gamma, ndim)
    if training:
        # mean and var depend on x: projecting out the directions they absorb gives
        # dx = inv_std * (dx_hat - mean(dx_hat) - x_hat * mean(dx_hat * x_hat)), means per channel.
        dx = _per_channel(inv_std, ndim) * (
            dx_hat
            - dx_hat.mean(axis=axes, keepdims=True)
            - x_hat * (dx_hat * x_hat).mean(axis=axes, keepdims=True)
        )
    else:
        # The running statistics are constants: the layer is a per-channel affine map.
        dx = dx_hat * _per_channel(inv_std, ndim)
    return dx, dgamma, dbeta
