# wrong(multi_head_attention): checks only that each weight has E columns, so (E', E) weights pass
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    if x.ndim != 3:
        raise ValueError("x must be (N, L, E)")
    n, seq, e = x.shape
    if any(np.shape(w)[1] != e for w in (w_q, w_k, w_v)):  # the bug: rows never checked
        raise ValueError("the projections must take E input features")
    if not isinstance(num_heads, int) or num_heads < 1 or e % num_heads:
        raise ValueError("num_heads must be a positive divisor of E")

    def split(t):
        return t.reshape(n, seq, num_heads, -1).transpose(0, 2, 1, 3)

    q, k, v = split(x @ w_q.T), split(x @ w_k.T), split(x @ w_v.T)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(e // num_heads)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError("mask must be boolean")
        mask = np.broadcast_to(mask, scores.shape)
        if not mask.any(axis=-1).all():
            raise ValueError("a query may attend to no key")
        scores = np.where(mask, scores, -np.inf)
    p = np.exp(scores - scores.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    heads = p @ v
    return heads.transpose(0, 2, 1, 3).reshape(n, seq, -1) @ w_o.T
