# wrong(transformer_encoder_layer): no check that x is 3-D: (L, E), (M, N, L, E) inputs go through
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        checks={"rank": False},
    )
