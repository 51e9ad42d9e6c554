# wrong(layer_norm_forward): normalises with the unbiased variance (ddof=1), as torch.var's default
import numpy as np
from correct_vectorised import _check, layer_norm_backward  # noqa: F401


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    _check(x, gamma, beta)
    x = np.asarray(x, dtype=np.float64)
    m = np.size(gamma)
    rows = x.reshape(-1, m)
    mu = rows.mean(axis=1)
    xc = rows - mu[:, None]
    var = rows.var(axis=1, ddof=1) if m > 1 else np.zeros(len(rows))  # the bug: divides by m - 1
    std = np.sqrt(var + eps)
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
