# correct: np.matmul over broadcast batch axes, blocked scores set to the most negative float64
import numpy as np


def _check(q, k, v, mask):
    if q.ndim < 2 or k.ndim < 2 or v.ndim < 2:
        raise ValueError(f"q, k, v must be (..., L, features); got {q.shape}, {k.shape}, {v.shape}")
    if q.shape[-1] != k.shape[-1]:
        raise ValueError(f"q has d = {q.shape[-1]} but k has d = {k.shape[-1]}")
    if k.shape[-2] != v.shape[-2]:
        raise ValueError(f"k has {k.shape[-2]} keys but v has {v.shape[-2]}")
    if mask is None:
        return None
    mask = np.asarray(mask)
    if mask.dtype != np.bool_:
        raise ValueError(f"mask must be boolean, got {mask.dtype}")
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2])
    scores_shape = (*batch, q.shape[-2], k.shape[-2])
    if np.broadcast_shapes(mask.shape, scores_shape) != scores_shape:
        raise ValueError(f"mask {mask.shape} does not broadcast to the scores {scores_shape}")
    if not mask.any(axis=-1).all():
        raise ValueError("a query may attend to no key")
    return np.broadcast_to(mask, scores_shape)


def scaled_dot_product_attention(q, k, v, *, mask=None):
    q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
    mask = _check(q, k, v, mask)
    scores = np.matmul(q, np.swapaxes(k, -1, -2)) / np.sqrt(q.shape[-1])
    if mask is not None:
        # the lowest finite float64 is below any score that can occur, so nothing leaks through
        scores = np.where(mask, scores, np.finfo(np.float64).min)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    if mask is not None:
        e = np.where(mask, e, 0.0)
    weights = e / e.sum(axis=-1, keepdims=True)
    return np.matmul(weights, v), weights
