# wrong(scaled_dot_product_attention): memoises results and returns the same arrays for equal inputs
import numpy as np
from correct_matmul_finfo_fill import scaled_dot_product_attention as _full

_memo = {}


def scaled_dot_product_attention(q, k, v, *, mask=None):
    arrays = [np.asarray(a) for a in (q, k, v)] + ([] if mask is None else [np.asarray(mask)])
    key = tuple((a.shape, a.dtype.str, a.tobytes()) for a in arrays)
    if key not in _memo:
        _memo[key] = _full(q, k, v, mask=mask)
    return _memo[key]  # the bug: the caller gets the cached arrays themselves, not new ones
