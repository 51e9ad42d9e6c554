# correct: plain Python loops over the groups and their elements, no vectorised reductions
from __future__ import annotations

import math
from typing import Any

import numpy as np


def _check(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> None:
    if gamma.ndim < 1:
        raise ValueError("gamma needs at least one dimension")
    if beta.shape != gamma.shape:
        raise ValueError(f"beta {beta.shape} must have gamma's shape {gamma.shape}")
    if x.ndim < gamma.ndim or tuple(x.shape[x.ndim - gamma.ndim :]) != gamma.shape:
        raise ValueError(f"x {x.shape} must end with gamma's shape {gamma.shape}")


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    gamma = np.asarray(gamma, dtype=np.float64)
    beta = np.asarray(beta, dtype=np.float64)
    _check(x, gamma, beta)
    lead = x.shape[: x.ndim - gamma.ndim]
    norm = list(np.ndindex(*gamma.shape))
    m = len(norm)
    out = np.empty(x.shape)
    x_hat = np.empty(x.shape)
    inv_std = {}
    for pos in np.ndindex(*lead):
        total = 0.0
        for idx in norm:
            total += float(x[pos + idx])
        mean = total / m
        sq = 0.0
        for idx in norm:
            d = float(x[pos + idx]) - mean
            sq += d * d
        var = sq / m
        s = 1.0 / math.sqrt(var + eps)
        inv_std[pos] = s
        for idx in norm:
            xh = (float(x[pos + idx]) - mean) * s
            x_hat[pos + idx] = xh
            out[pos + idx] = xh * float(gamma[idx]) + float(beta[idx])
    cache: dict[str, Any] = {"x_hat": x_hat, "inv_std": inv_std, "gamma": gamma.copy()}
    return out, cache


def layer_norm_backward(dout, cache):
    dout = np.asarray(dout, dtype=np.float64)
    x_hat, inv_std, gamma = cache["x_hat"], cache["inv_std"], cache["gamma"]
    if dout.shape != x_hat.shape:
        raise ValueError(f"dout {dout.shape} must have x's shape {x_hat.shape}")
    lead = x_hat.shape[: x_hat.ndim - gamma.ndim]
    norm = list(np.ndindex(*gamma.shape))
    m = len(norm)
    dx = np.zeros(x_hat.shape)
    dgamma = np.zeros(gamma.shape)
    dbeta = np.zeros(gamma.shape)
    for pos in np.ndindex(*lead):
        g_sum = 0.0
        gx_sum = 0.0
        for idx in norm:
            d = float(dout[pos + idx])
            dbeta[idx] += d
            dgamma[idx] += d * x_hat[pos + idx]
            g = d * gamma[idx]
            g_sum += g
            gx_sum += g * x_hat[pos + idx]
        for idx in norm:
            g = float(dout[pos + idx]) * gamma[idx]
            dx[pos + idx] = inv_std[pos] * (g - g_sum / m - x_hat[pos + idx] * gx_sum / m)
    return dx, dgamma, dbeta
