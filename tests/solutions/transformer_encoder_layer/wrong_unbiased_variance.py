# wrong(transformer_encoder_layer): layer norm with the unbiased variance (divides by E - 1)
from functools import partial

from _plain import layer, layer_norm


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        ln=partial(layer_norm, ddof=1),
    )
