# wrong(multi_head_attention): takes nn.MultiheadAttention's mask convention (True = blocked)
from correct_einsum import multi_head_attention as _full


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    if mask is not None:
        mask = ~mask  # the bug: the kata's mask is True where attending is allowed
    return _full(x, w_q, w_k, w_v, w_o, num_heads=num_heads, mask=mask)
