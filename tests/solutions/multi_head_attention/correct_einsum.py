# correct: one fused QKV projection, heads via einsum on (N, L, H, hd) without transposes
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3:
        raise ValueError(f"x must be 3-D (N, L, E), got {x.shape}")
    n, seq, e = x.shape
    if any(np.shape(w) != (e, e) for w in (w_q, w_k, w_v, w_o)):
        raise ValueError("weights must all be (E, E)")
    if not isinstance(num_heads, (int, np.integer)) or num_heads < 1 or e % num_heads != 0:
        raise ValueError(f"E={e} is not divisible into num_heads={num_heads} heads")
    hd = e // num_heads
    in_proj = np.concatenate([w_q, w_k, w_v], axis=0)  # (3E, E) as nn.MultiheadAttention
    qkv = np.einsum("nle,fe->nlf", x, in_proj).reshape(n, seq, 3, num_heads, hd)
    q, k, v = qkv[:, :, 0], qkv[:, :, 1], qkv[:, :, 2]  # each (N, L, H, hd)
    scores = np.einsum("nihd,njhd->nhij", q, k) / np.sqrt(hd)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError("mask must be boolean")
        mask = np.broadcast_to(mask, scores.shape)
        if np.any(~mask.any(axis=-1)):
            raise ValueError("every query needs at least one key it may attend to")
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    p = np.exp(scores)
    p = p / p.sum(axis=-1, keepdims=True)
    heads = np.einsum("nhij,njhd->nihd", p, v).reshape(n, seq, e)
    return np.einsum("nle,fe->nlf", heads, w_o)
