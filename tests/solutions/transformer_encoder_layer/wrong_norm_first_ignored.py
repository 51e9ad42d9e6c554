# wrong(transformer_encoder_layer): ignores norm_first, always post-norm
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(x, params, num_heads=num_heads, norm_first=False, mask=mask, eps=eps)
