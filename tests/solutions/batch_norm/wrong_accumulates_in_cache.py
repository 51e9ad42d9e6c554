# wrong(batch_norm_backward): accumulates dgamma and dbeta into buffers kept in its dict cache
import numpy as np
from correct_vectorised import batch_norm_backward as _backward
from correct_vectorised import batch_norm_forward as _forward


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    out, rm, rv, cache = _forward(
        x, gamma, beta, running_mean, running_var, training=training, momentum=momentum, eps=eps
    )
    cache["dgamma"] = np.zeros(np.shape(gamma))
    cache["dbeta"] = np.zeros(np.shape(beta))
    return out, rm, rv, cache


def batch_norm_backward(dout, cache):
    dx, dgamma, dbeta = _backward(dout, cache)
    cache["dgamma"] += dgamma  # "gradient accumulation, as in a framework"
    cache["dbeta"] += dbeta
    return dx, cache["dgamma"].copy(), cache["dbeta"].copy()
