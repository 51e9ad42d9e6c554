# wrong(scaled_dot_product_attention): never checks d or Lk; broadcasting lets a size of 1 pass
import numpy as np


def scaled_dot_product_attention(q, k, v, *, mask=None):
    q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
    if q.ndim < 2 or k.ndim < 2 or v.ndim < 2:
        raise ValueError("q, k and v must be at least 2-D")
    # the bug: a key width d = 1 or a single value row broadcasts against the other operand
    scores = (q[..., :, None, :] * k[..., None, :, :]).sum(-1) / np.sqrt(q.shape[-1])
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
    return (weights[..., :, :, None] * v[..., None, :, :]).sum(-2), weights
