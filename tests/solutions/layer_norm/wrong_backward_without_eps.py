# wrong(layer_norm_backward): recomputes the std without eps, so a constant group divides by zero
import numpy as np
from correct_vectorised import layer_norm_forward  # noqa: F401


def layer_norm_backward(dout, cache):
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != cache["shape"]:
        raise ValueError("dout must have the shape of x")
    xc, var, gamma = cache["xc"], cache["var"], cache["gamma"]
    m = gamma.size
    std = np.sqrt(var)  # the bug: eps forgotten here
    xhat = xc / std[:, None]
    d = dout.reshape(-1, m)
    g = d * gamma
    dx = (g - g.mean(axis=1, keepdims=True) - xhat * (g * xhat).mean(axis=1, keepdims=True)) / std[
        :, None
    ]
    dgamma = (d * xhat).sum(axis=0).reshape(cache["gshape"])
    dbeta = d.sum(axis=0).reshape(cache["gshape"])
    return dx.reshape(cache["shape"]), dgamma, dbeta
