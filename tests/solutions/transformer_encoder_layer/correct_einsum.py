# correct: einsum on (N, L, H, d) without transposes, scale folded into q, np.var for the norms
import numpy as np


def _ln(t, gamma, beta, eps):
    return (t - t.mean(-1, keepdims=True)) / np.sqrt(t.var(-1, keepdims=True) + eps) * gamma + beta


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3:
        raise ValueError(f"x must be 3-D (N, L, E), got {x.ndim}-D")
    n, seq, e = x.shape
    if num_heads < 1 or e % num_heads != 0:
        raise ValueError(f"num_heads={num_heads} does not divide E={e}")
    if mask is not None:
        mask = np.asarray(mask, dtype=bool)
        if mask.shape != (seq, seq):
            raise ValueError(f"mask must be (L, L) = ({seq}, {seq}), got {mask.shape}")
        if not np.all(np.any(mask, axis=1)):
            raise ValueError("a query has no key to attend to")
    d = e // num_heads
    w_q, w_k, w_v = np.split(params["in_proj_weight"], 3)
    b_q, b_k, b_v = np.split(params["in_proj_bias"], 3)

    def attention(t):
        q = np.einsum("nle,fe->nlf", t, w_q * d**-0.5) + b_q * d**-0.5
        k = np.einsum("nle,fe->nlf", t, w_k) + b_k
        v = np.einsum("nle,fe->nlf", t, w_v) + b_v
        q, k, v = (a.reshape(n, seq, num_heads, d) for a in (q, k, v))
        scores = np.einsum("nihc,njhc->nhij", q, k)
        if mask is not None:
            scores = np.where(mask[None, None], scores, -np.inf)
        a = np.exp(scores - np.max(scores, axis=3, keepdims=True))
        a = a / np.sum(a, axis=3, keepdims=True)
        heads = np.einsum("nhij,njhc->nihc", a, v).reshape(n, seq, e)
        return np.einsum("nle,fe->nlf", heads, params["out_proj_weight"]) + params["out_proj_bias"]

    def feed_forward(t):
        hidden = np.maximum(0.0, t @ params["linear1_weight"].T + params["linear1_bias"])
        return hidden @ params["linear2_weight"].T + params["linear2_bias"]

    def ln1(t):
        return _ln(t, params["norm1_weight"], params["norm1_bias"], eps)

    def ln2(t):
        return _ln(t, params["norm2_weight"], params["norm2_bias"], eps)

    if norm_first:
        h = x + attention(ln1(x))
        return h + feed_forward(ln2(h))
    h = ln1(x + attention(x))
    return ln2(h + feed_forward(h))
