# wrong(scaled_dot_product_attention): uses k.T, which also reverses the batch axes of a batched k
import numpy as np


def scaled_dot_product_attention(q, k, v, *, mask=None):
    if q.shape[-1] != k.shape[-1] or k.shape[-2] != v.shape[-2]:
        raise ValueError("shape mismatch")
    scores = q @ k.T / np.sqrt(q.shape[-1])
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != bool:
            raise ValueError("mask must be boolean")
        mask = np.broadcast_to(mask, scores.shape)
        if not mask.any(axis=-1).all():
            raise ValueError("fully masked query")
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ v, weights
