"""Kata: one Transformer encoder layer (forward only).

Implement `transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None,
eps=1e-5)` in NumPy (float64). It must equal `torch.nn.TransformerEncoderLayer(E, num_heads, F,
dropout=0.0, activation="relu", layer_norm_eps=eps, batch_first=True, norm_first=norm_first)` in
eval mode with the same weights: self-attention and a feed-forward block, each with a residual
connection and a layer norm, in post-norm or pre-norm order. Write every step yourself (this file
must stand alone).
"""

from __future__ import annotations

import numpy as np


def transformer_encoder_layer(
    x: np.ndarray,
    params: dict,
    *,
    num_heads: int,
    norm_first: bool = False,
    mask: np.ndarray | None = None,
    eps: float = 1e-5,
) -> np.ndarray:
    """One Transformer encoder layer, as nn.TransformerEncoderLayer(...).eval() (forward only).

    params holds the layer's parameters under torch's names (linear weights are
    (out_features, in_features) and are applied as t @ w.T + b):
        in_proj_weight (3E, E), in_proj_bias (3E,)  self_attn.in_proj_*: rows [q | k | v]
        out_proj_weight (E, E), out_proj_bias (E,)  self_attn.out_proj.*
        linear1_weight (F, E), linear1_bias (F,)    the feed-forward's first layer
        linear2_weight (E, F), linear2_bias (E,)    the feed-forward's second layer
        norm1_weight, norm1_bias (E,)               LN1, the attention block's layer norm
        norm2_weight, norm2_bias (E,)               LN2, the feed-forward block's layer norm

    Self-attention SA(t): [q | k | v] = t @ in_proj_weight.T + in_proj_bias, split along the last
    axis into q, k, v in that order (E columns each); each of them split into num_heads heads of
    d = E // num_heads consecutive columns (head h owns columns h*d .. (h+1)*d - 1); per head
    softmax(q @ k^T / sqrt(d)) @ v, the softmax over the keys; the heads concatenated back in
    order, then @ out_proj_weight.T + out_proj_bias.
    Feed-forward FF(t) = relu(t @ linear1_weight.T + linear1_bias) @ linear2_weight.T
    + linear2_bias.
    LN1, LN2: layer norm over the last axis with the biased variance (divide by E) and eps inside
    the square root, scaled by norm*_weight and shifted by norm*_bias.

    norm_first=False (post-norm): y = LN1(x + SA(x)); out = LN2(y + FF(y)).
    norm_first=True (pre-norm):   y = x + SA(LN1(x)); out = y + FF(LN2(y)); no final norm.

    Args:
        x: input, shape (N, L, E), batch-first, exactly 3-D.
        params: dict of the twelve arrays above. Neither the dict nor its arrays may be modified.
        num_heads: number of heads; must divide E.
        norm_first: False for post-norm (torch's default), True for pre-norm.
        mask: optional boolean array of shape exactly (L, L): mask[i, j] is True where query i may
            attend to key j (the same mask for every sequence and head). Note that torch's boolean
            src_mask means the opposite (True = blocked): this layer equals torch with
            src_mask = ~mask.
        eps: added to the variance inside the square root of both layer norms.

    Returns:
        out, float64, of x's shape (N, L, E).

    Raises:
        ValueError: if x is not 3-D; num_heads does not divide E; mask is not exactly (L, L)
            (a (L,) or (1, L, L) mask is an error although it would broadcast); or mask leaves
            some query with no key to attend to.

    Stable for x of magnitude up to 1e4 (no overflow in the softmax). Do not modify the inputs.
    """
    raise NotImplementedError
