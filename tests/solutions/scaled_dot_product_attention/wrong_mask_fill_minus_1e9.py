# wrong(scaled_dot_product_attention): fills blocked scores with -1e9 instead of -inf
import numpy as np
from correct_matmul_finfo_fill import _check


def scaled_dot_product_attention(q, k, v, *, mask=None):
    q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
    mask = _check(q, k, v, mask)
    scores = np.matmul(q, np.swapaxes(k, -1, -2)) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -1e9)  # the bug: "large enough" is not below every score
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return np.matmul(weights, v), weights
