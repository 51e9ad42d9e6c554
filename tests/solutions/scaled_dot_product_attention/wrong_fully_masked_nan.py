# wrong(scaled_dot_product_attention): a query with no allowed key gives NaN instead of ValueError
import numpy as np


def scaled_dot_product_attention(q, k, v, *, mask=None):
    if q.shape[-1] != k.shape[-1] or k.shape[-2] != v.shape[-2]:
        raise ValueError("shape mismatch")
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != bool:
            raise ValueError("mask must be boolean")
        scores = np.where(np.broadcast_to(mask, scores.shape), scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ v, weights
