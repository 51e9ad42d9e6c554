# wrong(transformer_encoder_layer): takes torch's src_mask meaning, True = blocked
import numpy as np
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    if mask is not None:
        mask = ~np.asarray(mask, dtype=bool)  # "True = masked out", as torch's src_mask
    return layer(x, params, num_heads=num_heads, norm_first=norm_first, mask=mask, eps=eps)
