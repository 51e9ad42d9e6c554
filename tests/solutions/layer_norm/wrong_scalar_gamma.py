# wrong(layer_norm_forward): a 0-d gamma is taken as "normalise over the last axis"
import numpy as np
from correct_vectorised import layer_norm_backward  # noqa: F401
from correct_vectorised import layer_norm_forward as _forward


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    if np.ndim(gamma) == 0 and np.ndim(beta) == 0:  # the bug: PyTorch refuses an empty shape
        e = x.shape[-1]
        gamma, beta = np.full(e, float(gamma)), np.full(e, float(beta))
    return _forward(x, gamma, beta, eps=eps)
