# wrong(scaled_dot_product_attention): checks each query's mask row with any() over every batch axis
import numpy as np
from correct_matmul_finfo_fill import scaled_dot_product_attention as _full


def scaled_dot_product_attention(q, k, v, *, mask=None):
    if mask is not None:
        m = np.asarray(mask)
        if m.dtype != np.bool_:
            raise ValueError("mask must be boolean")
        rows = m if m.ndim >= 2 else m[None, :]
        for i in range(rows.shape[-2]):
            # the bug: any() over the whole slice, so one batch entry or head with a True hides
            # another whose row is empty
            if not rows[..., i, :].any():
                raise ValueError(f"query {i} may attend to no key")
        q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
        scores_shape = (*np.broadcast_shapes(q.shape[:-2], k.shape[:-2]), q.shape[-2], k.shape[-2])
        m = np.broadcast_to(m, scores_shape)
        scores = np.matmul(q, np.swapaxes(k, -1, -2)) / np.sqrt(q.shape[-1])
        scores = np.where(m, scores, -np.inf)
        e = np.exp(scores - scores.max(axis=-1, keepdims=True))
        weights = e / e.sum(axis=-1, keepdims=True)
        return np.matmul(weights, v), weights
    return _full(q, k, v)
