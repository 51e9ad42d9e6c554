# wrong(scaled_dot_product_attention): no rank check: a 1-D q (d,) or v (Lk,) passes via matmul
import numpy as np


def scaled_dot_product_attention(q, k, v, *, mask=None):
    q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
    # the bug: q (d,) @ k.T and weights @ v (Lk,) are valid matmuls, so nothing complains
    if q.shape[-1] != k.shape[-1] or k.shape[-2] != v.shape[0 if v.ndim == 1 else -2]:
        raise ValueError("q, k and v do not fit together")
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError("mask must be boolean")
        mask = np.broadcast_to(mask, scores.shape)
        if not mask.any(axis=-1).all():
            raise ValueError("a query may attend to no key")
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ v, weights
