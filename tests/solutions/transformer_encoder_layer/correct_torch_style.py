# correct: torch's own order: qkv unflattened to (N, L, 3, H, d), q scaled first, additive -inf mask
import numpy as np


def _layer_norm(t, weight, bias, eps):
    mean = t.mean(axis=-1, keepdims=True)
    mean_sq = (t * t).mean(axis=-1, keepdims=True)
    var = np.maximum(mean_sq - mean * mean, 0.0)  # E[t^2] - E[t]^2, another order
    return (t - mean) * (1.0 / np.sqrt(var + eps)) * weight + bias


def _attention(t, params, num_heads, additive):
    n, seq, e = t.shape
    d = e // num_heads
    qkv = t @ params["in_proj_weight"].T + params["in_proj_bias"]
    qkv = qkv.reshape(n, seq, 3, num_heads, d).transpose(2, 0, 3, 1, 4)  # (3, N, H, L, d)
    q, k, v = qkv[0] * (1.0 / np.sqrt(d)), qkv[1], qkv[2]
    scores = np.matmul(q, k.transpose(0, 1, 3, 2)) + additive  # (N, H, L, L)
    top = scores.max(axis=-1, keepdims=True)
    log_norm = top + np.log(np.exp(scores - top).sum(axis=-1, keepdims=True))
    weights = np.exp(scores - log_norm)  # softmax through the log-sum-exp
    heads = np.matmul(weights, v).transpose(0, 2, 1, 3).reshape(n, seq, e)
    return heads @ params["out_proj_weight"].T + params["out_proj_bias"]


def _feed_forward(t, params):
    hidden = t @ params["linear1_weight"].T + params["linear1_bias"]
    hidden[hidden < 0] = 0.0
    return hidden @ params["linear2_weight"].T + params["linear2_bias"]


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    x = np.array(x, dtype=np.float64)
    if len(x.shape) != 3:
        raise ValueError(f"x must be (N, L, E), got shape {x.shape}")
    seq, e = x.shape[1], x.shape[2]
    if num_heads <= 0 or e != (e // num_heads) * num_heads:
        raise ValueError(f"E = {e} is not a multiple of num_heads = {num_heads}")
    additive = np.zeros((seq, seq))
    if mask is not None:
        mask = np.asarray(mask)
        if mask.shape != (seq, seq):
            raise ValueError(f"mask must be (L, L) = {(seq, seq)}, got {mask.shape}")
        if (mask.sum(axis=1) == 0).any():
            raise ValueError("some query may attend to no key")
        additive[~mask.astype(bool)] = -np.inf

    def norm(t, which):
        return _layer_norm(t, params[f"norm{which}_weight"], params[f"norm{which}_bias"], eps)

    if norm_first:
        x = x + _attention(norm(x, 1), params, num_heads, additive)
        return x + _feed_forward(norm(x, 2), params)
    x = norm(x + _attention(x, params, num_heads, additive), 1)
    return norm(x + _feed_forward(x, params), 2)
