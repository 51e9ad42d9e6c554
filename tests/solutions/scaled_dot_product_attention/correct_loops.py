# correct: plain Python loops over batch, query and key, softmax with math.exp
import math

import numpy as np


def scaled_dot_product_attention(q, k, v, *, mask=None):
    q = np.asarray(q, dtype=float)
    k = np.asarray(k, dtype=float)
    v = np.asarray(v, dtype=float)
    if q.ndim < 2 or k.ndim < 2 or v.ndim < 2:
        raise ValueError("q, k and v need at least two dimensions")
    if q.shape[-1] != k.shape[-1]:
        raise ValueError("q and k must have the same feature size d")
    if k.shape[-2] != v.shape[-2]:
        raise ValueError("k and v must have the same number of keys")
    lq, d = q.shape[-2:]
    lk, dv = v.shape[-2:]
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != bool:
            raise ValueError("mask must be boolean")
        mask = np.broadcast_to(mask, (*batch, lq, lk))
    q = np.broadcast_to(q, (*batch, lq, d))
    k = np.broadcast_to(k, (*batch, lk, d))
    v = np.broadcast_to(v, (*batch, lk, dv))
    out = np.zeros((*batch, lq, dv))
    weights = np.zeros((*batch, lq, lk))
    for b in np.ndindex(*batch):
        for i in range(lq):
            allowed = [j for j in range(lk) if mask is None or mask[b][i, j]]
            if not allowed:
                raise ValueError(f"query {i} may attend to no key")
            scores = {}
            for j in allowed:
                s = 0.0
                for t in range(d):
                    s += q[b][i, t] * k[b][j, t]
                scores[j] = s / math.sqrt(d)
            top = max(scores.values())
            total = 0.0
            for j in allowed:
                weights[b][i, j] = math.exp(scores[j] - top)
                total += weights[b][i, j]
            for j in allowed:
                weights[b][i, j] /= total
                for t in range(dv):
                    out[b][i, t] += weights[b][i, j] * v[b][j, t]
    return out, weights
