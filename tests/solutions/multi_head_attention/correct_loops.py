# correct: loops over sequences and heads, each head's weight rows sliced out (W[h*hd:(h+1)*hd])
import math

import numpy as np


def _check(x, ws, num_heads, mask):
    if x.ndim != 3:
        raise ValueError("x must be (N, L, E)")
    e = x.shape[2]
    for w in ws:
        if w.shape != (e, e):
            raise ValueError("every weight must be (E, E)")
    if not isinstance(num_heads, int) or num_heads <= 0 or e % num_heads:
        raise ValueError(f"num_heads={num_heads} must be a positive divisor of E={e}")
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != bool:
            raise ValueError("mask must be boolean")
        mask = np.broadcast_to(mask, (x.shape[0], num_heads, x.shape[1], x.shape[1]))
        for row in mask.reshape(-1, x.shape[1]):
            if not row.any():
                raise ValueError("a query has no key it may attend to")
    return mask


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    x = np.asarray(x, dtype=float)
    mask = _check(x, (w_q, w_k, w_v, w_o), num_heads, mask)
    n, seq, e = x.shape
    hd = e // num_heads
    out = np.zeros((n, seq, e))
    for b in range(n):
        concat = np.zeros((seq, e))
        for h in range(num_heads):
            rows = slice(h * hd, (h + 1) * hd)
            qh = x[b] @ w_q[rows].T  # (L, hd): a head only needs its own rows of W
            kh = x[b] @ w_k[rows].T
            vh = x[b] @ w_v[rows].T
            for i in range(seq):
                scores = []
                for j in range(seq):
                    if mask is None or mask[b, h, i, j]:
                        scores.append((j, float(qh[i] @ kh[j]) / math.sqrt(hd)))
                top = max(s for _, s in scores)
                ex = [(j, math.exp(s - top)) for j, s in scores]
                total = sum(p for _, p in ex)
                for j, p in ex:
                    concat[i, rows] += (p / total) * vh[j]
        out[b] = concat @ w_o.T
    return out
