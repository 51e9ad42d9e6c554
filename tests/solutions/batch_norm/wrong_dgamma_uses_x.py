# wrong(batch_norm_backward): dgamma sums dout * x instead of dout * x_hat
from correct_vectorised import _from_cm, _to_cm, batch_norm_forward  # noqa: F401
from correct_vectorised import batch_norm_backward as _correct_backward


def batch_norm_backward(dout, cache):
    dx, _, dbeta = _correct_backward(dout, cache)
    dgamma = (_to_cm(dout) * cache["x"]).sum(axis=1)  # the bug: the raw input, not x_hat
    return dx, dgamma, dbeta
