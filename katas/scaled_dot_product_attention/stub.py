"""Kata: scaled dot-product attention.

Implement `scaled_dot_product_attention(q, k, v, *, mask=None)` in NumPy (float64): every query
scores every key with a scaled dot product, a softmax over the keys turns the scores into
weights, and the output is the weighted average of the values. Semantics are PyTorch's
`torch.nn.functional.scaled_dot_product_attention` with a boolean `attn_mask`, except that a query
with no allowed key is an error here. The softmax must be numerically stable.
"""

from __future__ import annotations

import numpy as np


def scaled_dot_product_attention(
    q: np.ndarray,
    k: np.ndarray,
    v: np.ndarray,
    *,
    mask: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Scaled dot-product attention.

    weights = softmax(q @ k^T / sqrt(d)), the softmax taken over the key axis (the last one);
    out = weights @ v.

    Args:
        q: queries, shape (..., Lq, d).
        k: keys, shape (..., Lk, d). Leading (batch) axes broadcast with q's, as in np.matmul.
        v: values, shape (..., Lk, dv); dv may differ from d.
        mask: optional boolean array broadcastable to (..., Lq, Lk). True where the query may
            attend to the key (PyTorch's boolean attn_mask convention); a False key gets weight
            exactly 0 and the remaining weights of that query still sum to 1.

    Returns:
        (out, weights): out of shape (..., Lq, dv) and weights of shape (..., Lq, Lk), both
        float64. Each row of weights sums to 1.

    Raises:
        ValueError: if q and k differ in their last dimension, k and v differ in their number of
            keys Lk, the mask is not boolean or does not broadcast to (..., Lq, Lk), or the mask
            leaves some query with no key to attend to (a row with no True).

    Stable: no overflow or invalid-value warnings for scores of order 1e4.
    Do not modify the inputs.
    """
    raise NotImplementedError
