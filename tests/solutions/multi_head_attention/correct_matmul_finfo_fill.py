# correct: heads as a (N, H, L, hd) batch for np.matmul, blocked scores set to the lowest float64
import numpy as np


def _check(x, weights, num_heads, mask, scores_shape):
    if x.ndim != 3:
        raise ValueError(f"x must be (N, L, E), got {x.shape}")
    e = x.shape[2]
    for w in weights:
        if np.shape(w) != (e, e):
            raise ValueError(f"every weight must be (E, E) = {(e, e)}, got {np.shape(w)}")
    if type(num_heads) is not int or num_heads < 1 or e % num_heads:
        raise ValueError(f"num_heads must be a positive int dividing E = {e}, got {num_heads!r}")
    if mask is None:
        return None
    mask = np.asarray(mask)
    if mask.dtype != np.bool_:
        raise ValueError(f"mask must be boolean, got {mask.dtype}")
    if np.broadcast_shapes(mask.shape, scores_shape) != scores_shape:
        raise ValueError(f"mask {mask.shape} does not broadcast to {scores_shape}")
    mask = np.broadcast_to(mask, scores_shape)
    if not mask.any(axis=-1).all():
        raise ValueError("a query may attend to no key")
    return mask


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    x = np.asarray(x, dtype=np.float64)
    n, seq = x.shape[:2] if x.ndim == 3 else (0, 0)
    mask = _check(x, (w_q, w_k, w_v, w_o), num_heads, mask, (n, num_heads, seq, seq))
    e = x.shape[2]
    hd = e // num_heads

    def heads(w):
        return np.matmul(x, np.asarray(w, dtype=np.float64).T).reshape(n, seq, num_heads, hd)

    q, k, v = (np.moveaxis(heads(w), 2, 1) for w in (w_q, w_k, w_v))  # (N, H, L, hd)
    scores = np.matmul(q, np.moveaxis(k, -1, -2)) * (1.0 / np.sqrt(hd))
    if mask is not None:
        scores = np.where(mask, scores, np.finfo(np.float64).min)
    p = np.exp(scores - scores.max(axis=-1, keepdims=True))
    if mask is not None:
        p = np.where(mask, p, 0.0)
    p = p / p.sum(axis=-1, keepdims=True)
    merged = np.moveaxis(np.matmul(p, v), 1, 2).reshape(n, seq, e)
    return np.matmul(merged, np.asarray(w_o, dtype=np.float64).T)
