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
        q: queries, shape (..., Lq, d), at least 2-D (one query is (1, d), not (d,)).
        k: keys, shape (..., Lk, d). Leading (batch) axes broadcast with q's, as in np.matmul:
            k of shape (B, 1, Lk, d) serves every head of q (B, H, Lq, d) (multi-query
            attention), and q (Lq, d) can attend over k (N, Lk, d).
        v: values, shape (..., Lk, dv), leading axes like k's; dv may differ from d.
        mask: optional boolean array broadcastable to (..., Lq, Lk), the shape of the scores
            (e.g. (1, Lk), (Lq, Lk), (N, 1, 1, Lk)). True where the query may attend to the key
            (PyTorch's boolean attn_mask convention); a False key gets weight exactly 0 whatever
            the scores are, and the remaining weights of that query still sum to 1.

    Returns:
        (out, weights): out of shape (..., Lq, dv) and weights of shape (..., Lq, Lk), both
        float64. Each row of weights sums to 1.

    Raises:
        ValueError: if q, k or v has fewer than 2 dimensions; q and k differ in their last
            dimension d or k and v in their number of keys Lk (also when one of them is 1); the
            mask is not boolean (an integer or float 0/1 mask is an error); the mask does not
            broadcast to the scores' shape (..., Lq, Lk) (a mask with more leading axes than the
            scores may not enlarge the output); or the mask leaves some query, in any batch
            entry or head, with no key to attend to.

    Stable: no overflow or invalid-value warnings for scores of order 1e4, with or without a
    mask. Do not modify the inputs.
    """
    raise NotImplementedError
