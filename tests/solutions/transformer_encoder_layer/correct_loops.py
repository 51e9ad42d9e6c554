# correct: plain Python loops over sequences, heads, queries and keys; scores scaled one by one
import math

import numpy as np


def _layer_norm_row(row, gamma, beta, eps):
    e = row.shape[0]
    mean = sum(row) / e
    var = sum((v - mean) ** 2 for v in row) / e
    return (row - mean) / math.sqrt(var + eps) * gamma + beta


def _layer_norm(t, gamma, beta, eps):
    out = np.empty_like(t)
    for i in range(t.shape[0]):
        for j in range(t.shape[1]):
            out[i, j] = _layer_norm_row(t[i, j], gamma, beta, eps)
    return out


def _self_attention(t, p, num_heads, mask):
    n, seq, e = t.shape
    d = e // num_heads
    w, b = p["in_proj_weight"], p["in_proj_bias"]
    out = np.empty_like(t)
    for s in range(n):
        concat = np.empty((seq, e))
        for h in range(num_heads):
            cols = slice(h * d, (h + 1) * d)
            # head h's rows of the q, k and v blocks of in_proj_weight
            q = t[s] @ w[:e][cols].T + b[:e][cols]
            k = t[s] @ w[e : 2 * e][cols].T + b[e : 2 * e][cols]
            v = t[s] @ w[2 * e :][cols].T + b[2 * e :][cols]
            for i in range(seq):
                allowed = [j for j in range(seq) if mask is None or mask[i, j]]
                scores = [float(q[i] @ k[j]) / math.sqrt(d) for j in allowed]
                top = max(scores)
                exps = [math.exp(sc - top) for sc in scores]
                total = sum(exps)
                row = np.zeros(d)
                for j, ex in zip(allowed, exps):
                    row += ex / total * v[j]
                concat[i, cols] = row
        out[s] = concat @ p["out_proj_weight"].T + p["out_proj_bias"]
    return out


def _feed_forward(t, p):
    hidden = t @ p["linear1_weight"].T + p["linear1_bias"]
    hidden = np.where(hidden > 0, hidden, 0.0)
    return hidden @ p["linear2_weight"].T + p["linear2_bias"]


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    x = np.asarray(x, dtype=float)
    if x.ndim != 3:
        raise ValueError("x must be (N, L, E)")
    seq, e = x.shape[1], x.shape[2]
    if num_heads <= 0 or e % num_heads:
        raise ValueError("num_heads must divide E")
    if mask is not None:
        mask = np.asarray(mask)
        if mask.shape != (seq, seq):
            raise ValueError("mask must be (L, L)")
        for i in range(seq):
            if not any(mask[i]):
                raise ValueError(f"query {i} may attend to no key")
    p = params
    if norm_first:
        y = x + _self_attention(
            _layer_norm(x, p["norm1_weight"], p["norm1_bias"], eps), p, num_heads, mask
        )
        return y + _feed_forward(_layer_norm(y, p["norm2_weight"], p["norm2_bias"], eps), p)
    y = _layer_norm(
        x + _self_attention(x, p, num_heads, mask), p["norm1_weight"], p["norm1_bias"], eps
    )
    return _layer_norm(y + _feed_forward(y, p), p["norm2_weight"], p["norm2_bias"], eps)
