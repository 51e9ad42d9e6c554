# wrong(batch_norm_forward): evaluation mode still normalises with the batch statistics
import numpy as np
from correct_vectorised import _check, _from_cm, _to_cm, batch_norm_backward  # noqa: F401


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    _check(x, gamma, beta, running_mean, running_var)
    xc = _to_cm(x)
    m = xc.shape[1]
    if training and m < 2:
        raise ValueError("training needs more than one value per channel")
    # the bug: batch statistics in both modes; only the running update looks at `training`
    mu = xc.mean(axis=1)
    var = xc.var(axis=1)
    if training:
        new_rm = (1 - momentum) * running_mean + momentum * mu
        new_rv = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    else:
        new_rm, new_rv = running_mean.copy(), running_var.copy()
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
