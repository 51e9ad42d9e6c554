# wrong(transformer_encoder_layer): unpacks params.values() by position instead of reading keys
from _plain import NAMES, layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    by_position = dict(zip(NAMES, params.values()))
    return layer(x, by_position, num_heads=num_heads, norm_first=norm_first, mask=mask, eps=eps)
