# correct: softplus as np.logaddexp(0, x), sigmoid as exp(-softplus(-x)), gradients as sigmoid - 1
from __future__ import annotations

import numpy as np


def _softplus(x):
    return np.logaddexp(0.0, x)


def _sigmoid(x):
    return np.exp(-_softplus(-x))


def _check(x, name):
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {x.shape}")
    return x


def discriminator_loss(real_logits, fake_logits):
    real = _check(real_logits, "real_logits")
    fake = _check(fake_logits, "fake_logits")
    loss = _softplus(-real).mean() + _softplus(fake).mean()
    return float(loss), (_sigmoid(real) - 1.0) / real.size, _sigmoid(fake) / fake.size


def generator_loss(fake_logits):
    fake = _check(fake_logits, "fake_logits")
    return float(_softplus(-fake).mean()), (_sigmoid(fake) - 1.0) / fake.size
