"""Kata: multi-head self-attention.

Implement `multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None)` in NumPy
(float64). It must equal `torch.nn.MultiheadAttention(E, num_heads, bias=False, batch_first=True)`
called as self-attention `mha(x, x, x)`, with `in_proj_weight = concat(w_q, w_k, w_v)` and
`out_proj.weight = w_o`. Write the attention yourself (this file must stand alone).
"""

from __future__ import annotations

import numpy as np


def multi_head_attention(
    x: np.ndarray,
    w_q: np.ndarray,
    w_k: np.ndarray,
    w_v: np.ndarray,
    w_o: np.ndarray,
    *,
    num_heads: int,
    mask: np.ndarray | None = None,
) -> np.ndarray:
    """Multi-head self-attention without biases.

    q = x @ w_q.T, k = x @ w_k.T, v = x @ w_v.T (linear-layer convention, weights (out, in)).
    The feature axis E is split into num_heads heads of hd = E // num_heads features each: head h
    owns features h * hd .. (h + 1) * hd - 1 of q, k and v. Each head computes
    softmax(q_h @ k_h^T / sqrt(hd)) @ v_h; the heads' outputs are concatenated back along the
    feature axis in head order, and the result is projected: out = concat @ w_o.T.

    Args:
        x: input sequence batch, shape (N, L, E), exactly 3-D.
        w_q, w_k, w_v, w_o: weights, each exactly (E, E) (a (E', E) weight is an error even
            where the matrix products would still go through).
        num_heads: number of heads H, an int (not a float such as 2.0) that is a positive
            divisor of E.
        mask: optional boolean array broadcastable to (N, H, L, L), e.g. (L, L) for one mask
            shared by all sequences and heads, (N, 1, 1, L) for key padding, (N, 1, L, L) per
            sequence or (N, H, L, L) per sequence and head. True where the query may attend to
            the key (as in scaled_dot_product_attention; note that nn.MultiheadAttention's own
            boolean mask means the opposite); a False key gets weight exactly 0 whatever the
            scores are.

    Returns:
        out of shape (N, L, E), float64.

    Raises:
        ValueError: if x is not 3-D; a weight is not (E, E); num_heads is not an int, not
            positive or does not divide E; the mask is not boolean (an integer or float 0/1
            mask is an error) or does not broadcast to (N, H, L, L) (it may not add axes); or
            the mask leaves some query, in any sequence or head, with no key to attend to.

    Stable: the softmax must not overflow for large scores. Do not modify the inputs.
    """
    raise NotImplementedError
