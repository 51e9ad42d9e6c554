# wrong(transformer_encoder_layer): norm2 around the attention block, norm1 around the feed-forward
from _plain import layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    swapped = dict(params)
    for part in ("weight", "bias"):
        swapped[f"norm1_{part}"], swapped[f"norm2_{part}"] = (
            params[f"norm2_{part}"],
            params[f"norm1_{part}"],
        )
    return layer(x, swapped, num_heads=num_heads, norm_first=norm_first, mask=mask, eps=eps)
