# wrong(layer_norm_forward): checks only that gamma's size divides x's, then reshapes to (-1, size)
import numpy as np
from correct_vectorised import layer_norm_backward  # noqa: F401
from correct_vectorised import layer_norm_forward as _unchecked


def layer_norm_forward(x, gamma, beta, *, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    gamma = np.asarray(gamma, dtype=np.float64)
    beta = np.asarray(beta, dtype=np.float64)
    if gamma.ndim == 0 or beta.shape != gamma.shape:
        raise ValueError("gamma must be at least 1-D and beta must have its shape")
    if x.size % gamma.size:  # the bug: sizes that divide are not shapes that match
        raise ValueError("x cannot be split into groups of gamma's size")
    flat = x.reshape((-1, *gamma.shape))  # "the reshape takes care of the shapes"
    out, cache = _unchecked(flat, gamma, beta, eps=eps)
    cache["shape"] = x.shape
    return out.reshape(x.shape), cache
