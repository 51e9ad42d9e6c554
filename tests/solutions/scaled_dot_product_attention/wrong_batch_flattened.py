# wrong(scaled_dot_product_attention): flattens q's and k's batch axes separately, no broadcasting
import numpy as np
from correct_matmul_finfo_fill import _check


def scaled_dot_product_attention(q, k, v, *, mask=None):
    q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
    mask = _check(q, k, v, mask)
    batch = q.shape[:-2]
    # the bug: assumes q, k and v share their batch axes; (B, H, ...) against (B, 1, ...) breaks
    qf = q.reshape(-1, *q.shape[-2:])
    kf = k.reshape(-1, *k.shape[-2:])
    vf = v.reshape(-1, *v.shape[-2:])
    scores = np.stack([qf[b] @ kf[b].T for b in range(len(qf))]) / np.sqrt(q.shape[-1])
    scores = scores.reshape(*batch, *scores.shape[-2:])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    wf = weights.reshape(-1, *weights.shape[-2:])
    out = np.stack([wf[b] @ vf[b] for b in range(len(wf))])
    return out.reshape(*batch, *out.shape[-2:]), weights
