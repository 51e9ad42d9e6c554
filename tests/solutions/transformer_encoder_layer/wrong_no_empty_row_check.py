# wrong(transformer_encoder_layer): no check for a query with no allowed key (its row becomes NaN)
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        checks={"empty_rows": False},
    )
