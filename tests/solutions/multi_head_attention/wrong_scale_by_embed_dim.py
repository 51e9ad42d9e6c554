# wrong(multi_head_attention): scales each head's scores by 1/sqrt(E), not 1/sqrt(E / num_heads)
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    n, seq, e = x.shape
    if num_heads < 1 or e % num_heads:
        raise ValueError("num_heads must divide E")
    hd = e // num_heads

    def split(t):
        return t.reshape(n, seq, num_heads, hd).transpose(0, 2, 1, 3)

    q, k, v = split(x @ w_q.T), split(x @ w_k.T), split(x @ w_v.T)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(e)
    if mask is not None:
        mask = np.broadcast_to(np.asarray(mask), scores.shape)
        if mask.dtype != bool or not mask.any(axis=-1).all():
            raise ValueError("bad mask")
        scores = np.where(mask, scores, -np.inf)
    p = np.exp(scores - scores.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    return (p @ v).transpose(0, 2, 1, 3).reshape(n, seq, e) @ w_o.T
