# wrong(layer_norm_forward): variance as mean(x**2) - mean**2, which loses a small spread around 1e4
import numpy as np
from correct_vectorised import _check, layer_norm_backward  # noqa: F401


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    _check(x, gamma, beta)
    x = np.asarray(x, dtype=np.float64)
    m = np.size(gamma)
    rows = x.reshape(-1, m)
    mu = rows.mean(axis=1)
    var = np.maximum((rows**2).mean(axis=1) - mu**2, 0.0)  # the bug: catastrophic cancellation
    std = np.sqrt(var + eps)
    xc = rows - mu[:, None]
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
