# wrong(transformer_encoder_layer): layer norm divides by sqrt(var) + eps, eps outside the root
import numpy as np
from _plain import layer


def _ln(t, gamma, beta, eps):
    centred = t - t.mean(axis=-1, keepdims=True)
    return centred / (np.sqrt(t.var(axis=-1, keepdims=True)) + eps) * gamma + beta


def transformer_encoder_layer(x, params, *, num_heads, norm_first=False, mask=None, eps=1e-5):
    return layer(x, params, num_heads=num_heads, norm_first=norm_first, mask=mask, eps=eps, ln=_ln)
