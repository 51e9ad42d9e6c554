# wrong(transformer_encoder_layer): fills blocked scores with -1e9 instead of -inf
from functools import partial

import numpy as np
from _plain import layer, self_attention, softmax


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    def softmax_1e9(scores):
        return softmax(np.where(np.isneginf(scores), -1e9, scores))

    attention = partial(self_attention, softmax=softmax_1e9)
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        attention=attention,
    )
