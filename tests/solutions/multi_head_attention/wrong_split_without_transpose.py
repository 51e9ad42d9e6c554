# wrong(multi_head_attention): splits heads with reshape(N, H, L, hd), mixing positions and features
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    n, seq, e = x.shape
    if num_heads < 1 or e % num_heads:
        raise ValueError("num_heads must divide E")
    hd = e // num_heads
    q = (x @ w_q.T).reshape(n, num_heads, seq, hd)  # the bug: no (N, L, H, hd) + transpose
    k = (x @ w_k.T).reshape(n, num_heads, seq, hd)
    v = (x @ w_v.T).reshape(n, num_heads, seq, hd)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd)
    if mask is not None:
        mask = np.broadcast_to(np.asarray(mask), scores.shape)
        if mask.dtype != bool or not mask.any(axis=-1).all():
            raise ValueError("bad mask")
        scores = np.where(mask, scores, -np.inf)
    p = np.exp(scores - scores.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    merged = (p @ v).reshape(n, seq, e)
    return merged @ w_o.T
