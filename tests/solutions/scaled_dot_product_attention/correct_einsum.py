# correct: einsum, additive -inf bias for the mask, log-sum-exp softmax
import numpy as np


def scaled_dot_product_attention(q, k, v, *, mask=None):
    q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
    if min(q.ndim, k.ndim, v.ndim) < 2:
        raise ValueError("q, k, v must be at least 2-D")
    if q.shape[-1] != k.shape[-1]:
        raise ValueError(f"feature sizes differ: q {q.shape[-1]}, k {k.shape[-1]}")
    if k.shape[-2] != v.shape[-2]:
        raise ValueError(f"key counts differ: k {k.shape[-2]}, v {v.shape[-2]}")
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    q = np.broadcast_to(q, batch + q.shape[-2:])
    k = np.broadcast_to(k, batch + k.shape[-2:])
    v = np.broadcast_to(v, batch + v.shape[-2:])
    scores = np.einsum("...id,...jd->...ij", q * (1.0 / np.sqrt(q.shape[-1])), k)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype.kind != "b":
            raise ValueError("mask must be a boolean array")
        mask = np.broadcast_to(mask, scores.shape)
        if (~mask).all(axis=-1).any():
            raise ValueError("a query row of the mask has no True entry")
        bias = np.zeros(scores.shape)
        bias[~mask] = -np.inf
        scores = scores + bias
    top = scores.max(axis=-1, keepdims=True)
    lse = top + np.log(np.exp(scores - top).sum(axis=-1, keepdims=True))
    weights = np.exp(scores - lse)
    out = np.einsum("...ij,...jd->...id", weights, v)
    return out, weights
