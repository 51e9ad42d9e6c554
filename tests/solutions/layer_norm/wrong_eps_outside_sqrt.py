# wrong(layer_norm_forward): divides by sqrt(var) + eps instead of sqrt(var + eps)
import numpy as np
from correct_vectorised import _check, layer_norm_backward  # noqa: F401


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    _check(x, gamma, beta)
    x = np.asarray(x, dtype=np.float64)
    m = np.size(gamma)
    rows = x.reshape(-1, m)
    xc = rows - rows.mean(axis=1, keepdims=True)
    var = (xc**2).mean(axis=1)
    std = np.sqrt(var) + eps  # the bug
    out = xc / std[:, None] * np.ravel(gamma) + np.ravel(beta)
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
