"""Reference solution: multi-head self-attention without biases (NumPy, float64)."""

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
    """Multi-head self-attention over `x (N, L, E)`, as `torch.nn.MultiheadAttention(E, num_heads,
    bias=False, batch_first=True)` with `in_proj_weight = concat(w_q, w_k, w_v)` and
    `out_proj.weight = w_o`.

    `mask` is boolean, broadcastable to `(N, num_heads, L, L)`, True where a query may attend.
    Returns the output `(N, L, E)`.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3:
        raise ValueError(f"x must have shape (N, L, E); got {x.shape}")
    e = x.shape[-1]
    weights = []
    for name, w in (("w_q", w_q), ("w_k", w_k), ("w_v", w_v), ("w_o", w_o)):
        w = np.asarray(w, dtype=np.float64)
        # square, exactly: x @ w.T accepts any (E', E), and a (E', E) w_o would quietly
        # return E' output features
        if w.shape != (e, e):
            raise ValueError(f"{name} must have shape (E, E) = {(e, e)}; got {w.shape}")
        weights.append(w)
    w_q, w_k, w_v, w_o = weights
    if isinstance(num_heads, bool) or not isinstance(num_heads, (int, np.integer)):
        raise ValueError(f"num_heads must be an integer; got {num_heads!r}")
    if num_heads < 1 or e % num_heads != 0:
        raise ValueError(
            f"num_heads must be a positive divisor of the embedding size E = {e}; got {num_heads}"
        )
    head_dim = e // num_heads

    # Splitting and merging touch only the last axes, so every step below works for any leading
    # axes; the checks above and below pin them to (N, L, E) and (N, num_heads, L, L).
    def split_heads(t: np.ndarray) -> np.ndarray:
        # (..., L, E) -> (..., L, H, hd) -> (..., H, L, hd): chunks of hd features, so head h
        # owns features h*hd to (h+1)*hd - 1 (and there are E // hd = num_heads chunks).
        return np.swapaxes(t.reshape(*t.shape[:-1], -1, head_dim), -3, -2)

    q = split_heads(x @ w_q.T)
    k = split_heads(x @ w_k.T)
    v = split_heads(x @ w_v.T)

    # Each head attends with its own width: the scale is 1/sqrt(E / num_heads), not 1/sqrt(E).
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(head_dim)  # (N, H, L, L)
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
                f"mask of shape {mask.shape} does not broadcast to (N, num_heads, L, L) = "
                f"{scores.shape}"
            ) from None
        if not mask.any(axis=-1).all():
            raise ValueError(
                "mask leaves a query with no key to attend to: every row of the mask along the "
                "key axis needs at least one True"
            )
        # -inf, not a large negative number: the maximum below is then over the allowed keys
        scores = np.where(mask, scores, -np.inf)

    shifted = scores - scores.max(axis=-1, keepdims=True)  # stable softmax over the keys
    p = np.exp(shifted)
    p /= p.sum(axis=-1, keepdims=True)
    heads = p @ v  # (N, H, L, hd)

    # Merge the heads back: (..., H, L, hd) -> (..., L, H, hd) -> (..., L, E), then project.
    merged = np.swapaxes(heads, -3, -2)
    merged = merged.reshape(*merged.shape[:-2], e)
    return merged @ w_o.T
