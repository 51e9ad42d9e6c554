"""Reference solution: scaled dot-product attention with a boolean mask (NumPy, float64)."""

from __future__ import annotations

import numpy as np


def scaled_dot_product_attention(
    q: np.ndarray,
    k: np.ndarray,
    v: np.ndarray,
    *,
    mask: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Attention of queries `q (..., Lq, d)` over keys `k (..., Lk, d)`, values `v (..., Lk, dv)`.

    Returns `(out (..., Lq, dv), weights (..., Lq, Lk))`, where
    `weights = softmax(q @ k^T / sqrt(d))` over the key axis and `out = weights @ v`.
    `mask` is boolean, broadcastable to `(..., Lq, Lk)`, True where a query may attend.
    """
    q = np.asarray(q, dtype=np.float64)
    k = np.asarray(k, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    # The sums below are written with explicit broadcasting, which (unlike np.matmul) would
    # accept a width or a key count of 1 against any other: every rule is checked first.
    if q.ndim < 2 or k.ndim < 2 or v.ndim < 2:
        raise ValueError(
            f"q, k and v need at least 2 dimensions (..., L, features); got shapes "
            f"{q.shape}, {k.shape}, {v.shape}"
        )
    if q.shape[-1] != k.shape[-1]:
        raise ValueError(
            f"q and k must share their last dimension d; got q {q.shape} and k {k.shape}"
        )
    if k.shape[-2] != v.shape[-2]:
        raise ValueError(
            f"k and v must have the same number of keys Lk; got k {k.shape} and v {v.shape}"
        )

    d = q.shape[-1]
    # s_ij = sum_t q_it k_jt / sqrt(d). The scale uses the query/key width d (not dv): it keeps
    # the variance of a score near 1 when the entries of q and k have unit variance.
    scores = np.sum(q[..., :, None, :] * k[..., None, :, :], axis=-1) / np.sqrt(d)

    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError(
                f"mask must be a boolean array (True = may attend); got dtype {mask.dtype}"
            )
        try:
            mask = np.broadcast_to(mask, scores.shape)
        except ValueError:
            raise ValueError(
                f"mask of shape {mask.shape} does not broadcast to the scores' shape "
                f"{scores.shape} (..., Lq, Lk)"
            ) from None
        if not mask.any(axis=-1).all():
            raise ValueError(
                "mask leaves a query with no key to attend to: every row of the mask along the "
                "key axis needs at least one True"
            )
        # exp(-inf) is exactly 0, so masked keys get weight 0 and the rest renormalise. The
        # maximum below is then taken over the allowed keys only, whatever the blocked scores
        # were (a finite fill such as -1e9 would not be below every allowed score).
        scores = np.where(mask, scores, -np.inf)

    # Stable softmax over the keys: subtracting the row maximum changes nothing mathematically
    # and keeps every exponent <= 0. Every row has a finite maximum (no fully masked rows).
    shifted = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    weights = e / e.sum(axis=-1, keepdims=True)
    # out_i = sum_j a_ij v_j
    out = np.sum(weights[..., :, :, None] * v[..., None, :, :], axis=-2)
    return out, weights
