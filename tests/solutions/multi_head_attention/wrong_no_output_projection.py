# wrong(multi_head_attention): returns the concatenated heads without the output projection w_o
import numpy as np
from correct_einsum import multi_head_attention as _full


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    identity = np.eye(np.shape(w_o)[0])  # the bug: w_o is never applied
    return _full(x, w_q, w_k, w_v, identity, num_heads=num_heads, mask=mask)
