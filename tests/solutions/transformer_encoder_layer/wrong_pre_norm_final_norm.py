# wrong(transformer_encoder_layer): adds a final layer norm (LN2 again) after the pre-norm block
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(
        x, params, num_heads=num_heads, norm_first=norm_first, mask=mask, eps=eps, final_norm=True
    )
