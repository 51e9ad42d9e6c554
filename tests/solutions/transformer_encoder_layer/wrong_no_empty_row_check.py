# wrong(transformer_encoder_layer): no check for a query with no allowed key (its row becomes NaN)
import numpy as np
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    if mask is None:
        return layer(x, params, num_heads=num_heads, norm_first=norm_first, eps=eps)
    mask = np.asarray(mask, dtype=bool)
    rows = mask.any(axis=-1)
    patched = mask.copy()
    patched[~rows] = True  # lets the shared check pass; the row is blocked again below
    with np.errstate(invalid="ignore"):
        out = layer(x, params, num_heads=num_heads, norm_first=norm_first, mask=patched, eps=eps)
    out[:, ~rows] = np.nan
    return out
