# wrong(layer_norm_forward): statistics over the batch axis 0, as batch norm, not over gamma's axes
import numpy as np
from correct_vectorised import _check, layer_norm_backward  # noqa: F401


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    _check(x, gamma, beta)
    x = np.asarray(x, dtype=np.float64)
    mu = x.mean(axis=0, keepdims=True)  # the bug: one mean per feature, across the batch
    var = x.var(axis=0, keepdims=True)
    std = np.sqrt(var + eps)
    xc = x - mu
    out = xc / std * gamma + beta
    m = np.size(gamma)
    cache = {
        "xc": xc.reshape(-1, m),
        "std": np.broadcast_to(std, x.shape).reshape(-1, m)[:, 0].copy(),
        "var": np.broadcast_to(var, x.shape).reshape(-1, m)[:, 0].copy(),
        "eps": eps,
        "gamma": np.ravel(gamma).copy(),
        "shape": x.shape,
        "gshape": np.shape(gamma),
    }
    return out, cache
