# wrong(multi_head_attention): checks each query's mask row with any() over every sequence and head
import numpy as np
from _plain import check_weights_and_heads, merge_and_project, project_and_split


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    check_weights_and_heads(x, (w_q, w_k, w_v, w_o), num_heads)
    q, k, v = project_and_split(x, w_q, w_k, w_v, num_heads)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError("mask must be boolean")
        rows = mask if mask.ndim >= 2 else mask[None, :]
        for i in range(rows.shape[-2]):
            if not rows[..., i, :].any():  # the bug: one head's True hides another's empty row
                raise ValueError(f"query {i} may attend to no key")
        scores = np.where(np.broadcast_to(mask, scores.shape), scores, -np.inf)
    p = np.exp(scores - scores.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    return merge_and_project(p @ v, w_o)
