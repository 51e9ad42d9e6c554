# correct: (C, m) layout, einsum sums, chain rule step by step through mean and var
from __future__ import annotations

from typing import Any

import numpy as np


def _to_cm(a: np.ndarray) -> np.ndarray:
    """(N, C, ...) -> (C, m) with m = N * prod(...)."""
    return np.moveaxis(a, 1, 0).reshape(a.shape[1], -1)


def _from_cm(a: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Inverse of _to_cm."""
    return np.moveaxis(a.reshape((shape[1], shape[0], *shape[2:])), 0, 1)


def _check(x, gamma, beta, running_mean, running_var) -> None:
    if x.ndim not in (2, 4):
        raise ValueError(f"x needs a channel axis: expected (N, C) or (N, C, H, W), got {x.shape}")
    c = x.shape[1]
    for name, v in (
        ("gamma", gamma),
        ("beta", beta),
        ("running_mean", running_mean),
        ("running_var", running_var),
    ):
        if np.shape(v) != (c,):
            raise ValueError(f"{name} has shape {np.shape(v)}, expected ({c},)")


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
    _check(x, gamma, beta, running_mean, running_var)
    xc = _to_cm(x)
    m = xc.shape[1]
    if training:
        if m < 2:
            raise ValueError("training needs more than one value per channel")
        mu = np.einsum("cm->c", xc) / m
        d = xc - mu[:, None]
        var = np.einsum("cm,cm->c", d, d) / m
        new_rm = running_mean + momentum * (mu - running_mean)
        new_rv = running_var + momentum * (var * m / (m - 1) - running_var)
    else:
        mu, var = running_mean, running_var
        d = xc - mu[:, None]
        new_rm, new_rv = np.array(running_mean, dtype=float), np.array(running_var, dtype=float)
    std = np.sqrt(var + eps)
    xhat = d / std[:, None]
    out = _from_cm(gamma[:, None] * xhat + beta[:, None], x.shape)
    cache = {
        "x": xc,
        "d": d,
        "std": std,
        "xhat": xhat,
        "gamma": gamma,
        "training": training,
        "shape": x.shape,
    }
    return out, new_rm, new_rv, cache


def batch_norm_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if np.shape(dout) != cache["shape"]:
        raise ValueError(f"dout has shape {np.shape(dout)}, x had {cache['shape']}")
    g = _to_cm(dout)
    d, std, xhat, gamma = cache["d"], cache["std"], cache["xhat"], cache["gamma"]
    m = g.shape[1]
    dbeta = g.sum(axis=1)
    dgamma = np.einsum("cm,cm->c", g, xhat)
    dxhat = g * gamma[:, None]
    if cache["training"]:
        # xhat = d / std, d = x - mu, std = sqrt(var + eps), var = sum(d^2) / m, mu = sum(x) / m
        dvar = np.einsum("cm,cm->c", dxhat, d) * (-0.5) * std**-3
        dmu = -dxhat.sum(axis=1) / std + dvar * (-2.0 / m) * d.sum(axis=1)
        dxc = dxhat / std[:, None] + dvar[:, None] * 2.0 * d / m + dmu[:, None] / m
    else:
        dxc = dxhat / std[:, None]
    return _from_cm(dxc, cache["shape"]), dgamma, dbeta
