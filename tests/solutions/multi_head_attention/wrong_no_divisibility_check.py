# wrong(multi_head_attention): np.array_split makes uneven heads instead of raising ValueError
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    q, k, v = x @ w_q.T, x @ w_k.T, x @ w_v.T
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != bool:
            raise ValueError("mask must be boolean")
    outs = []
    # the bug: array_split silently accepts num_heads that do not divide E
    for qh, kh, vh in zip(
        np.array_split(q, num_heads, axis=-1),
        np.array_split(k, num_heads, axis=-1),
        np.array_split(v, num_heads, axis=-1),
        strict=True,
    ):
        scores = qh @ kh.transpose(0, 2, 1) / np.sqrt(qh.shape[-1])
        if mask is not None:
            m = np.broadcast_to(mask, (x.shape[0], num_heads, *scores.shape[1:]))[:, len(outs)]
            if not m.any(axis=-1).all():
                raise ValueError("fully masked query")
            scores = np.where(m, scores, -np.inf)
        p = np.exp(scores - scores.max(axis=-1, keepdims=True))
        outs.append(p / p.sum(axis=-1, keepdims=True) @ vh)
    return np.concatenate(outs, axis=-1) @ w_o.T
