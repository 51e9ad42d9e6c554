# wrong(scaled_dot_product_attention): subtracts the row maximum over ALL keys, blocked ones too
import numpy as np
from correct_matmul_finfo_fill import _check


def scaled_dot_product_attention(q, k, v, *, mask=None):
    q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
    mask = _check(q, k, v, mask)
    scores = np.matmul(q, np.swapaxes(k, -1, -2)) / np.sqrt(q.shape[-1])
    # the bug: the shift is taken before masking, so a blocked key with a huge score sets it
    shifted = scores - scores.max(axis=-1, keepdims=True)
    if mask is not None:
        shifted = np.where(mask, shifted, -np.inf)
    e = np.exp(shifted)
    weights = e / e.sum(axis=-1, keepdims=True)
    return np.matmul(weights, v), weights
