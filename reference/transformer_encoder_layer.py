"""Reference solution: one Transformer encoder layer, forward only (NumPy, float64)."""

from __future__ import annotations

import numpy as np

_PARAM_NAMES = (
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


def _layer_norm(t: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the last axis with the biased variance (divide by E), eps inside the root."""
    mean = t.mean(axis=-1, keepdims=True)
    centred = t - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * gamma + beta


def _self_attention(t: np.ndarray, p: dict, num_heads: int, mask: np.ndarray | None) -> np.ndarray:
    e = t.shape[-1]
    d = e // num_heads
    qkv = t @ p["in_proj_weight"].T + p["in_proj_bias"]  # (N, L, 3E): [q | k | v]
    q, k, v = qkv[..., :e], qkv[..., e : 2 * e], qkv[..., 2 * e :]

    # Splitting and merging touch only the last axes, so the steps below would run for any
    # leading axes: the checks in transformer_encoder_layer pin x to (N, L, E).
    def split_heads(a: np.ndarray) -> np.ndarray:
        # (N, L, E) -> (N, L, H, d) -> (N, H, L, d): head h owns columns h*d .. (h+1)*d - 1
        # (-1 would quietly make E // d heads of an E that num_heads does not divide: the check
        # in transformer_encoder_layer is what refuses it)
        return np.swapaxes(a.reshape(*a.shape[:-1], -1, d), -3, -2)

    q, k, v = split_heads(q), split_heads(k), split_heads(v)
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)  # (N, H, L, L): queries x keys
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)  # (L, L) broadcasts over N and H
    scores = scores - scores.max(axis=-1, keepdims=True)  # the max over the allowed keys
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)  # softmax over the keys (last axis)
    heads = np.swapaxes(weights @ v, -3, -2)  # (N, L, H, d)
    merged = heads.reshape(*heads.shape[:-2], e)  # heads side by side, in order: (N, L, E)
    return merged @ p["out_proj_weight"].T + p["out_proj_bias"]


def _feed_forward(t: np.ndarray, p: dict) -> np.ndarray:
    hidden = np.maximum(t @ p["linear1_weight"].T + p["linear1_bias"], 0.0)
    return hidden @ p["linear2_weight"].T + p["linear2_bias"]


def transformer_encoder_layer(
    x: np.ndarray,
    params: dict,
    *,
    num_heads: int,
    norm_first: bool = False,
    mask: np.ndarray | None = None,
    eps: float = 1e-5,
) -> np.ndarray:
    """One `torch.nn.TransformerEncoderLayer(E, num_heads, F, dropout=0.0, activation="relu",
    layer_norm_eps=eps, batch_first=True, norm_first=norm_first).eval()` whose parameters are
    `params` (torch's names, without the `self_attn.` prefix and with `_` for `.`).

    `x (N, L, E)`; `mask` boolean `(L, L)`, True where query i may attend to key j (torch's
    `src_mask` is its negation). Returns an array of `x`'s shape.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3:
        raise ValueError(f"x must have shape (N, L, E); got {x.shape}")
    seq, e = x.shape[-2:]
    if num_heads < 1 or e % num_heads != 0:
        raise ValueError(
            f"num_heads must divide the embedding size E = {e}; got num_heads = {num_heads}"
        )
    if mask is not None:
        mask = np.asarray(mask, dtype=bool)
        # exactly (L, L): a (L,) or (1, L, L) mask would broadcast, but is not the contract's
        if mask.shape != (seq, seq):
            raise ValueError(f"mask must have shape (L, L) = {(seq, seq)}; got {mask.shape}")
        if not mask.any(axis=-1).all():
            empty = int(np.flatnonzero(~mask.any(axis=-1))[0])
            raise ValueError(f"mask leaves query {empty} with no key to attend to")
    # the parameters by name (the same arrays when float64): nothing below writes into them
    p = {name: np.asarray(params[name], dtype=np.float64) for name in _PARAM_NAMES}

    if norm_first:
        # pre-norm: normalise what goes into each block, add to the raw stream, no final norm
        y = x + _self_attention(
            _layer_norm(x, p["norm1_weight"], p["norm1_bias"], eps), p, num_heads, mask
        )
        return y + _feed_forward(_layer_norm(y, p["norm2_weight"], p["norm2_bias"], eps), p)
    # post-norm (the original Transformer): normalise after each residual addition
    y = _layer_norm(
        x + _self_attention(x, p, num_heads, mask), p["norm1_weight"], p["norm1_bias"], eps
    )
    return _layer_norm(y + _feed_forward(y, p), p["norm2_weight"], p["norm2_bias"], eps)
