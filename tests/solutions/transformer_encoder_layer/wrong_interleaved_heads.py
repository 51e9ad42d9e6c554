# wrong(transformer_encoder_layer): heads split as reshape(N, L, d, H): columns h, h+H, ... per head
from functools import partial

from _plain import layer, self_attention


def _split(a, num_heads):
    n, seq, e = a.shape
    return a.reshape(n, seq, e // num_heads, num_heads).transpose(0, 3, 1, 2)


def _merge(a):
    n, h, seq, d = a.shape
    return a.transpose(0, 2, 3, 1).reshape(n, seq, h * d)


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    attention = partial(self_attention, split=_split, merge=_merge)
    return layer(
        x,
        params,
        num_heads=num_heads,
        norm_first=norm_first,
        mask=mask,
        eps=eps,
        attention=attention,
    )
