# wrong(layer_norm_forward): accepts a gamma that broadcasts to the trailing shape, (1,) or (1, E)
import numpy as np
from correct_vectorised import layer_norm_backward  # noqa: F401
from correct_vectorised import layer_norm_forward as _forward


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    gamma = np.asarray(gamma, dtype=np.float64)
    beta = np.asarray(beta, dtype=np.float64)
    if gamma.ndim == 0 or beta.shape != gamma.shape or x.ndim < gamma.ndim:
        raise ValueError("bad gamma or beta")
    # the bug: a gamma that broadcasts is stretched to the trailing shape instead of refused
    trailing = x.shape[x.ndim - gamma.ndim :]
    gamma = np.broadcast_to(gamma, trailing).copy()
    beta = np.broadcast_to(beta, trailing).copy()
    return _forward(x, gamma, beta, eps=eps)
