# correct: plain Python loops over channels and elements, no vectorised reductions
from __future__ import annotations

import math
from typing import Any

import numpy as np


def _indices(shape: tuple[int, ...], channel: int) -> list[tuple[int, ...]]:
    return [idx for idx in np.ndindex(*shape) if idx[1] == channel]


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
    if x.ndim not in (2, 4):
        raise ValueError("x must be (N, C) or (N, C, H, W)")
    channels = x.shape[1]
    for name, v in (("gamma", gamma), ("beta", beta)):
        if v.shape != (channels,):
            raise ValueError(f"{name} must have one entry per channel")
    for name, v in (("running_mean", running_mean), ("running_var", running_var)):
        if v.shape != (channels,):
            raise ValueError(f"{name} must have one entry per channel")
    out = np.zeros(x.shape)
    xhat = np.zeros(x.shape)
    new_rm = np.zeros(channels)
    new_rv = np.zeros(channels)
    inv_std = np.zeros(channels)
    for c in range(channels):
        idx = _indices(x.shape, c)
        m = len(idx)
        if training:
            if m == 1:
                raise ValueError("one value per channel: cannot compute a batch variance")
            total = 0.0
            for k in idx:
                total += float(x[k])
            mean = total / m
            sq = 0.0
            for k in idx:
                sq += (float(x[k]) - mean) ** 2
            var = sq / m
            new_rm[c] = (1 - momentum) * float(running_mean[c]) + momentum * mean
            new_rv[c] = (1 - momentum) * float(running_var[c]) + momentum * sq / (m - 1)
        else:
            mean, var = float(running_mean[c]), float(running_var[c])
            new_rm[c], new_rv[c] = mean, var
        inv_std[c] = 1.0 / math.sqrt(var + eps)
        for k in idx:
            xhat[k] = (float(x[k]) - mean) * inv_std[c]
            out[k] = float(gamma[c]) * xhat[k] + float(beta[c])
    return out, new_rm, new_rv, (xhat, np.array(gamma), inv_std, training)


def batch_norm_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xhat, gamma, inv_std, training = cache
    if np.shape(dout) != xhat.shape:
        raise ValueError(f"dout must have shape {xhat.shape}, got {np.shape(dout)}")
    channels = xhat.shape[1]
    dx = np.zeros(xhat.shape)
    dgamma = np.zeros(channels)
    dbeta = np.zeros(channels)
    for c in range(channels):
        idx = _indices(xhat.shape, c)
        m = len(idx)
        s1 = 0.0  # sum of dxhat
        s2 = 0.0  # sum of dxhat * xhat
        for k in idx:
            dbeta[c] += dout[k]
            dgamma[c] += dout[k] * xhat[k]
            s1 += dout[k] * gamma[c]
            s2 += dout[k] * gamma[c] * xhat[k]
        for k in idx:
            dxh = dout[k] * gamma[c]
            if training:
                dx[k] = inv_std[c] * (dxh - s1 / m - xhat[k] * s2 / m)
            else:
                dx[k] = inv_std[c] * dxh
    return dx, dgamma, dbeta
