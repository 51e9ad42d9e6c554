# wrong(multi_head_attention): converts num_heads with int(), so a float such as 2.0 is accepted
from correct_einsum import multi_head_attention as _full


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    if num_heads == int(num_heads):
        num_heads = int(num_heads)  # the bug: the contract asks for an int, not a whole float
    return _full(x, w_q, w_k, w_v, w_o, num_heads=num_heads, mask=mask)
