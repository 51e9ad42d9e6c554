# wrong(layer_norm_forward): statistics over every axis but the batch axis 0, whatever gamma's shape
import numpy as np
from wrong_last_axis_only import _check


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    _check(x, gamma, beta)
    x = np.asarray(x, dtype=np.float64)
    # the bug: "layer norm normalises all the features of a sample", so (N, L, E) -> N groups
    axes = tuple(range(1, x.ndim)) if x.ndim > 1 else (0,)
    mu = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    return x_hat * gamma + beta, (x_hat, inv_std, np.asarray(gamma, dtype=np.float64), axes)


def layer_norm_backward(dout, cache):
    x_hat, inv_std, gamma, axes = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != x_hat.shape:
        raise ValueError("dout must have the shape of x")
    lead = tuple(range(x_hat.ndim - gamma.ndim))
    g = dout * gamma
    dx = inv_std * (
        g - g.mean(axis=axes, keepdims=True) - x_hat * (g * x_hat).mean(axis=axes, keepdims=True)
    )
    return dx, (dout * x_hat).sum(axis=lead), dout.sum(axis=lead)
