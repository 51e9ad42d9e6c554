# wrong(transformer_encoder_layer): divides each head's scores by sqrt(E), not sqrt(E // num_heads)
from functools import partial

from _plain import layer, self_attention


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    attention = partial(self_attention, scale=lambda e, d: e)
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        attention=attention,
    )
