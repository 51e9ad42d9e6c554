# wrong(batch_norm_forward): running update the Keras way, momentum * old + (1 - momentum) * batch
import numpy as np
from correct_vectorised import _check, _from_cm, _to_cm, batch_norm_backward  # noqa: F401


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    _check(x, gamma, beta, running_mean, running_var)
    xc = _to_cm(x)
    m = xc.shape[1]
    if training:
        if m < 2:
            raise ValueError("training needs more than one value per channel")
        mu = xc.mean(axis=1)
        var = xc.var(axis=1)
        # the bug: Keras's convention, where momentum is the weight of the old value
        new_rm = momentum * running_mean + (1 - momentum) * mu
        new_rv = momentum * running_var + (1 - momentum) * var * m / (m - 1)
    else:
        mu, var = running_mean, running_var
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
