# wrong(layer_norm_forward): checks gamma against x but never beta against gamma
import numpy as np
from correct_vectorised import layer_norm_backward  # noqa: F401
from correct_vectorised import layer_norm_forward as _forward


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    gamma = np.asarray(gamma, dtype=np.float64)
    beta = np.asarray(beta, dtype=np.float64)
    # the bug: beta is broadcast to gamma's shape, whatever it was
    return _forward(x, gamma, np.broadcast_to(beta, gamma.shape).copy(), eps=eps)
