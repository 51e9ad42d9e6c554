# wrong(layer_norm_forward): always normalises over the last axis only, even for a 2-D or 3-D gamma
import numpy as np


def _check(x, gamma, beta):
    if np.ndim(gamma) == 0 or np.shape(beta) != np.shape(gamma):
        raise ValueError("gamma must be at least 1-D and beta must have its shape")
    k = np.ndim(gamma)
    if np.ndim(x) < k or np.shape(x)[-k:] != np.shape(gamma):
        raise ValueError("the trailing dimensions of x must be gamma's shape")


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    _check(x, gamma, beta)
    x = np.asarray(x, dtype=np.float64)
    mu = x.mean(axis=-1, keepdims=True)  # the bug: "layer norm is over the last axis"
    var = x.var(axis=-1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    return x_hat * gamma + beta, (x_hat, inv_std, np.asarray(gamma, dtype=np.float64))


def layer_norm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != x_hat.shape:
        raise ValueError("dout must have the shape of x")
    lead = tuple(range(x_hat.ndim - gamma.ndim))
    g = dout * gamma
    dx = inv_std * (
        g - g.mean(axis=-1, keepdims=True) - x_hat * (g * x_hat).mean(axis=-1, keepdims=True)
    )
    return dx, (dout * x_hat).sum(axis=lead), dout.sum(axis=lead)
