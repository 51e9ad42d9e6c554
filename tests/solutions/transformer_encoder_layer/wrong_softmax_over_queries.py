# wrong(transformer_encoder_layer): normalises the attention weights over the query axis (axis -2)
from functools import partial

from _plain import layer, self_attention, softmax


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    attention = partial(self_attention, softmax=partial(softmax, axis=-2))
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        attention=attention,
    )
