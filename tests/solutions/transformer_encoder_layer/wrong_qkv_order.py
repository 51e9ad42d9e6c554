# wrong(transformer_encoder_layer): splits in_proj_weight's rows as k, q, v instead of q, k, v
from functools import partial

from _plain import layer, self_attention


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    attention = partial(self_attention, qkv_order=(1, 0, 2))
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        attention=attention,
    )
