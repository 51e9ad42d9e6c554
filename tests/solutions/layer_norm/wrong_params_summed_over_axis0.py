# wrong(layer_norm_backward): dgamma and dbeta summed over axis 0 only, not over all leading axes
import numpy as np
from wrong_last_axis_only import _check


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    _check(x, gamma, beta)
    x = np.asarray(x, dtype=np.float64)
    axes = tuple(range(x.ndim - np.ndim(gamma), x.ndim))
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
    g = dout * gamma
    dx = inv_std * (
        g - g.mean(axis=axes, keepdims=True) - x_hat * (g * x_hat).mean(axis=axes, keepdims=True)
    )
    # the bug: right for (N, E), but (N, L, E) keeps an L axis and a 1-D x loses its only axis
    return dx, (dout * x_hat).sum(axis=0), dout.sum(axis=0)
