# wrong(multi_head_attention): projects with x @ w instead of the linear convention x @ w.T
import numpy as np
from correct_einsum import multi_head_attention as _full


def multi_head_attention(x, w_q, w_k, w_v, w_o, *, num_heads, mask=None):
    # the bug: passing transposed weights makes the projections x @ w
    return _full(x, w_q.T, w_k.T, w_v.T, np.transpose(w_o), num_heads=num_heads, mask=mask)
