# wrong(batch_norm_backward): training dx treats mean and var as constants
from correct_vectorised import _from_cm, _to_cm, batch_norm_forward  # noqa: F401


def batch_norm_backward(dout, cache):
    g = _to_cm(dout)
    dbeta = g.sum(axis=1)
    dgamma = (g * cache["xhat"]).sum(axis=1)
    # the bug: no terms for the gradient flowing through the mean and the variance
    dxc = g * cache["gamma"][:, None] / cache["std"][:, None]
    return _from_cm(dxc, cache["shape"]), dgamma, dbeta
