"""Shared by the wrong files: a plain vectorised encoder layer with each step replaceable."""

import numpy as np

NAMES = (
    "in_proj_weight",
    "in_proj_bias",
    "out_proj_weight",
    "out_proj_bias",
    "linear1_weight",
    "linear1_bias",
    "linear2_weight",
    "linear2_bias",
    "norm1_weight",
    "norm1_bias",
    "norm2_weight",
    "norm2_bias",
)


def check(x, num_heads, mask, *, rank=True, heads=True, mask_shape=True, empty_rows=True):
    """The contract's ValueError rules; a wrong file may switch one of them off."""
    if rank and x.ndim != 3:
        raise ValueError("x must be (N, L, E)")
    seq, e = x.shape[-2:]
    if heads and (num_heads < 1 or e % num_heads):
        raise ValueError("num_heads must divide E")
    if mask is not None:
        if mask_shape and mask.shape != (seq, seq):
            raise ValueError("mask must be (L, L)")
        if empty_rows and not mask.any(axis=-1).all():
            raise ValueError("a query may attend to no key")


def layer_norm(t, gamma, beta, eps, ddof=0):
    mean = t.mean(axis=-1, keepdims=True)
    var = t.var(axis=-1, keepdims=True, ddof=ddof)
    return (t - mean) / np.sqrt(var + eps) * gamma + beta


def split_qkv(qkv, e):
    return qkv[..., :e], qkv[..., e : 2 * e], qkv[..., 2 * e :]


def split_heads(a, num_heads):
    # (N, L, E) -> (N, L, H, d) -> (N, H, L, d)
    return np.swapaxes(a.reshape(*a.shape[:-1], num_heads, a.shape[-1] // num_heads), -3, -2)


def merge_heads(a):
    a = np.swapaxes(a, -3, -2)  # (N, L, H, d)
    return a.reshape(*a.shape[:-2], a.shape[-2] * a.shape[-1])


def softmax(scores, axis=-1):
    shifted = scores - scores.max(axis=axis, keepdims=True)
    p = np.exp(shifted)
    return p / p.sum(axis=axis, keepdims=True)


def self_attention(
    t,
    p,
    num_heads,
    mask,
    *,
    qkv_order=(0, 1, 2),
    split=split_heads,
    merge=merge_heads,
    scale=None,
    softmax=softmax,
    blocked=lambda mask: ~mask,
):
    e = t.shape[-1]
    parts = split_qkv(t @ p["in_proj_weight"].T + p["in_proj_bias"], e)
    q, k, v = (split(parts[i], num_heads) for i in qkv_order)
    d = e // num_heads
    scores = q @ k.swapaxes(-1, -2)
    scores = scores / np.sqrt(d if scale is None else scale(e, d))
    if mask is not None:
        scores = np.where(blocked(mask), -np.inf, scores)
    return merge(softmax(scores) @ v) @ p["out_proj_weight"].T + p["out_proj_bias"]


def relu(a):
    return np.maximum(a, 0.0)


def feed_forward(t, p, activation=relu):
    hidden = activation(t @ p["linear1_weight"].T + p["linear1_bias"])
    return hidden @ p["linear2_weight"].T + p["linear2_bias"]


def layer(
    x,
    params,
    *,
    num_heads,
    norm_first=False,
    mask=None,
    eps=1e-5,
    ln=layer_norm,
    attention=self_attention,
    ff=feed_forward,
    final_norm=False,
    checks=None,
):
    x = np.asarray(x, dtype=np.float64)
    mask = None if mask is None else np.asarray(mask, dtype=bool)
    check(x, num_heads, mask, **(checks or {}))
    p = params

    def ln1(t):
        return ln(t, p["norm1_weight"], p["norm1_bias"], eps)

    def ln2(t):
        return ln(t, p["norm2_weight"], p["norm2_bias"], eps)

    if norm_first:
        y = x + attention(ln1(x), p, num_heads, mask)
        out = y + ff(ln2(y), p)
        return ln2(out) if final_norm else out
    y = ln1(x + attention(x, p, num_heads, mask))
    return ln2(y + ff(y, p))
