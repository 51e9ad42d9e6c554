# wrong(batch_norm_forward): statistics of x.reshape(-1, C), mixing channels of (N, C, H, W)
import numpy as np
from correct_vectorised import _check, _from_cm, _to_cm, batch_norm_backward  # noqa: F401


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    _check(x, gamma, beta, running_mean, running_var)
    c = x.shape[1]
    rows = x.reshape(-1, c)  # the bug: right for (N, C), scrambles channels for (N, C, H, W)
    m = rows.shape[0]
    if training:
        if m < 2:
            raise ValueError("training needs more than one value per channel")
        mu = rows.mean(axis=0)
        var = rows.var(axis=0)
        new_rm = (1 - momentum) * running_mean + momentum * mu
        new_rv = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    else:
        mu, var = running_mean, running_var
        new_rm, new_rv = running_mean.copy(), running_var.copy()
    xc = _to_cm(x)
    d = xc - mu[:, None]
    std = np.sqrt(var + eps)
    xhat = d / std[:, None]
    out = _from_cm(gamma[:, None] * xhat + beta[:, None], x.shape)
    cache = {
        "x": xc,
        "d": d,
        "std": std,
        "xhat": xhat,
        "gamma": gamma,
        "training": training,
        "shape": x.shape,
    }
    return out, new_rm, new_rv, cache
