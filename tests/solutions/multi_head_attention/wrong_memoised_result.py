# wrong(multi_head_attention): memoises results and returns the same array for equal inputs
import numpy as np
from correct_einsum import multi_head_attention as _full

_memo = {}


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    arrays = [np.asarray(a) for a in (x, w_q, w_k, w_v, w_o)]
    arrays += [] if mask is None else [np.asarray(mask)]
    key = (num_heads, *((a.shape, a.dtype.str, a.tobytes()) for a in arrays))
    if key not in _memo:
        _memo[key] = _full(x, w_q, w_k, w_v, w_o, num_heads=num_heads, mask=mask)
    return _memo[key]  # the bug: the caller gets the cached array itself, not a new one
