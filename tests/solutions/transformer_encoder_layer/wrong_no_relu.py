# wrong(transformer_encoder_layer): the feed-forward block has no ReLU between its two linear layers
from functools import partial

from _plain import feed_forward, layer


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    ff = partial(feed_forward, activation=lambda a: a)
    return layer(x, params, num_heads=num_heads, norm_first=norm_first, mask=mask, eps=eps, ff=ff)
