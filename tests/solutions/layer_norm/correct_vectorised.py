# correct: groups as rows of a (G, M) matrix, einsum sums, chain rule step by step via mean and var
from __future__ import annotations

import numpy as np


def _check(x, gamma, beta) -> None:
    if np.ndim(gamma) == 0:
        raise ValueError("gamma must be at least 1-D")
    if np.shape(beta) != np.shape(gamma):
        raise ValueError("beta and gamma must have the same shape")
    k = np.ndim(gamma)
    if np.ndim(x) < k or np.shape(x)[-k:] != np.shape(gamma):
        raise ValueError("the trailing dimensions of x must be gamma's shape")


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    _check(x, gamma, beta)
    x = np.asarray(x, dtype=np.float64)
    m = np.size(gamma)
    rows = x.reshape(-1, m)  # (G, M): one row per group
    mu = np.einsum("gm->g", rows) / m
    xc = rows - mu[:, None]
    var = np.einsum("gm,gm->g", xc, xc) / m
    std = np.sqrt(var + eps)
    xhat = xc / std[:, None]
    out = xhat * np.ravel(gamma)[None, :] + np.ravel(beta)[None, :]
    cache = {
        "xc": xc,
        "std": std,
        "var": var,
        "eps": eps,
        "gamma": np.ravel(gamma).copy(),
        "shape": x.shape,
        "gshape": np.shape(gamma),
    }
    return out.reshape(x.shape), cache


def layer_norm_backward(dout, cache):
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != cache["shape"]:
        raise ValueError(f"dout must have shape {cache['shape']}, got {dout.shape}")
    xc, std, var, eps, gamma = cache["xc"], cache["std"], cache["var"], cache["eps"], cache["gamma"]
    m = gamma.size
    d = dout.reshape(-1, m)
    xhat = xc / std[:, None]
    dbeta = np.einsum("gm->m", d)
    dgamma = np.einsum("gm,gm->m", d, xhat)
    dxhat = d * gamma[None, :]
    # xhat = xc * (var + eps)^(-1/2), xc = x - mu, var = mean(xc^2)
    dvar = np.einsum("gm,gm->g", dxhat, xc) * -0.5 * (var + eps) ** -1.5
    dxc = dxhat / std[:, None] + dvar[:, None] * 2.0 * xc / m
    dmu = -np.einsum("gm->g", dxc)
    dx = dxc + dmu[:, None] / m
    gshape = cache["gshape"]
    return dx.reshape(cache["shape"]), dgamma.reshape(gshape), dbeta.reshape(gshape)
