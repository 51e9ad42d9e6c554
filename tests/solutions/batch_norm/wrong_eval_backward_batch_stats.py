# wrong(batch_norm_backward): eval-mode backward uses the batch statistics of x
import numpy as np
from correct_vectorised import _from_cm, _to_cm, batch_norm_forward  # noqa: F401


def batch_norm_backward(dout, cache):
    g = _to_cm(dout)
    xc = cache["x"]
    dbeta = g.sum(axis=1)
    dgamma = (g * cache["xhat"]).sum(axis=1)
    # the bug: whatever the mode, differentiate through the batch mean and variance of x
    mu = xc.mean(axis=1, keepdims=True)
    std = np.sqrt(xc.var(axis=1, keepdims=True) + 1e-5)
    xhat = (xc - mu) / std
    dxhat = g * cache["gamma"][:, None]
    dxc = (
        dxhat
        - dxhat.mean(axis=1, keepdims=True)
        - xhat * (dxhat * xhat).mean(axis=1, keepdims=True)
    ) / std
    return _from_cm(dxc, cache["shape"]), dgamma, dbeta
