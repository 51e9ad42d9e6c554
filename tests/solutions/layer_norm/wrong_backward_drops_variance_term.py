# wrong(layer_norm_backward): dx drops the term through the variance (no - x_hat * mean(g * x_hat))
import numpy as np
from wrong_params_summed_over_axis0 import layer_norm_forward  # noqa: F401


def layer_norm_backward(dout, cache):
    x_hat, inv_std, gamma, axes = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != x_hat.shape:
        raise ValueError("dout must have the shape of x")
    lead = tuple(range(x_hat.ndim - gamma.ndim))
    g = dout * gamma
    dx = inv_std * (g - g.mean(axis=axes, keepdims=True))  # the bug
    return dx, (dout * x_hat).sum(axis=lead), dout.sum(axis=lead)
