# wrong(transformer_encoder_layer): subtracts the row maximum over ALL keys, blocked ones included
import numpy as np
from _plain import layer, merge_heads, split_heads, split_qkv


def _attention(t, p, num_heads, mask):
    e = t.shape[-1]
    parts = split_qkv(t @ p["in_proj_weight"].T + p["in_proj_bias"], e)
    q, k, v = (split_heads(a, num_heads) for a in parts)
    scores = q @ k.swapaxes(-1, -2) / np.sqrt(e // num_heads)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))  # blocked keys decide the shift
    if mask is not None:
        w = np.where(mask, w, 0.0)
    w = w / w.sum(axis=-1, keepdims=True)
    return merge_heads(w @ v) @ p["out_proj_weight"].T + p["out_proj_bias"]


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        attention=_attention,
    )
