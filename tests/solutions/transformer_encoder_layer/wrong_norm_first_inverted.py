# wrong(transformer_encoder_layer): reads norm_first backwards, pre-norm by default
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(x, params, num_heads=num_heads, norm_first=not norm_first, mask=mask, eps=eps)
