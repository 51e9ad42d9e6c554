# wrong(scaled_dot_product_attention): rejects float masks only; an integer mask is used as truthy
import numpy as np
from correct_matmul_finfo_fill import scaled_dot_product_attention as _full


def scaled_dot_product_attention(q, k, v, *, mask=None):
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype.kind == "f":  # the bug: int64 and uint8 masks slip through
            raise ValueError("a float mask would be added to the scores; pass a boolean mask")
        mask = mask.astype(bool)
    return _full(q, k, v, mask=mask)
