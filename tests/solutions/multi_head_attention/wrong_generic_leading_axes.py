# wrong(multi_head_attention): no rank or mask-shape checks; x (L, E) and extra mask axes go through
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    e = x.shape[-1]
    if any(np.shape(w) != (e, e) for w in (w_q, w_k, w_v, w_o)):
        raise ValueError("weights must be (E, E)")
    if not isinstance(num_heads, int) or num_heads < 1 or e % num_heads:
        raise ValueError("num_heads must be a positive divisor of E")
    hd = e // num_heads

    def split(t):  # any leading axes: the bug is that nothing pins them to (N, L, E)
        return np.swapaxes(t.reshape(*t.shape[:-1], num_heads, hd), -3, -2)

    q, k, v = split(x @ w_q.T), split(x @ w_k.T), split(x @ w_v.T)
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(hd)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError("mask must be boolean")
        if not mask.any(axis=-1).all():
            raise ValueError("a query may attend to no key")
        scores = np.where(mask, scores, -np.inf)  # and a mask with extra axes grows the output
    p = np.exp(scores - scores.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    merged = np.swapaxes(p @ v, -3, -2)
    return merged.reshape(*merged.shape[:-2], e) @ w_o.T
