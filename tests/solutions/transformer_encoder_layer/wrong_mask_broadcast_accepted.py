# wrong(transformer_encoder_layer): no mask shape check: (L,), (1, L, L), (L, 1) masks broadcast
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        checks={"mask_shape": False},
    )
