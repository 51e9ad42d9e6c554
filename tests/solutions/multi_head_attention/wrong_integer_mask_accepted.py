# wrong(multi_head_attention): rejects float masks only; an integer 0/1 mask is used as truthy
import numpy as np
from correct_einsum import multi_head_attention as _full


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype.kind == "f":  # the bug: int64 and uint8 masks slip through
            raise ValueError("a float mask would be added to the scores; pass a boolean mask")
        mask = mask.astype(bool)
    return _full(x, w_q, w_k, w_v, w_o, num_heads=num_heads, mask=mask)
