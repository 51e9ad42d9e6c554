# correct: plain Python loops over every element with math.exp / math.log1p and a sign branch
from __future__ import annotations

import math

import numpy as np


def _softplus(v):
    if v > 0:
        return v + math.log1p(math.exp(-v))
    return math.log1p(math.exp(v))


def _sigmoid(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def _bce(x, target):
    """Mean BCE-with-logits against a constant target, and its gradient, element by element."""
    x = np.asarray(x, dtype=np.float64)
    n = x.size
    if n == 0:
        raise ValueError("empty logits")
    total = 0.0
    grad = np.empty(x.shape)
    for i, v in enumerate(x.flat):
        total += _softplus(-v) if target == 1 else _softplus(v)
        grad.flat[i] = (_sigmoid(v) - target) / n
    return total / n, grad


def discriminator_loss(real_logits, fake_logits):
    real_loss, d_real = _bce(real_logits, 1)
    fake_loss, d_fake = _bce(fake_logits, 0)
    return real_loss + fake_loss, d_real, d_fake


def generator_loss(fake_logits):
    return _bce(fake_logits, 1)
