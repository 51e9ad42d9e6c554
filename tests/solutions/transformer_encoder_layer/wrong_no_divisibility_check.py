# wrong(transformer_encoder_layer): no divisibility check; reshape(..., -1, E // H) makes new heads
from functools import partial

import numpy as np
from _plain import layer, self_attention


def _split(a, num_heads):
    d = a.shape[-1] // num_heads  # E = 6, 4 heads: d = 1, and -1 becomes 6 heads
    return np.swapaxes(a.reshape(*a.shape[:-1], -1, d), -3, -2)


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        attention=partial(self_attention, split=_split),
        checks={"heads": False},
    )
