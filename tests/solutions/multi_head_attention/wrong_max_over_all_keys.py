# wrong(multi_head_attention): subtracts the row maximum over ALL keys, blocked ones included
import numpy as np
from _plain import check_weights_and_heads, merge_and_project, project_and_split


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    check_weights_and_heads(x, (w_q, w_k, w_v, w_o), num_heads)
    q, k, v = project_and_split(x, w_q, w_k, w_v, num_heads)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
    # the bug: shifted before masking, so a blocked key with a huge score sets the maximum
    shifted = scores - scores.max(axis=-1, keepdims=True)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError("mask must be boolean")
        mask = np.broadcast_to(mask, scores.shape)
        if not mask.any(axis=-1).all():
            raise ValueError("a query may attend to no key")
        shifted = np.where(mask, shifted, -np.inf)
    p = np.exp(shifted)
    p /= p.sum(axis=-1, keepdims=True)
    return merge_and_project(p @ v, w_o)
