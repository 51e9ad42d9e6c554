# wrong(discriminator_loss, generator_loss): softplus as log(1 + exp(x)), which overflows at 1e4
from __future__ import annotations

import numpy as np
from correct_logaddexp import _check, _sigmoid


def _softplus(x):
    return np.log(1.0 + np.exp(x))


def discriminator_loss(real_logits, fake_logits):
    real = _check(real_logits, "real_logits")
    fake = _check(fake_logits, "fake_logits")
    loss = _softplus(-real).mean() + _softplus(fake).mean()
    return float(loss), (_sigmoid(real) - 1.0) / real.size, _sigmoid(fake) / fake.size


def generator_loss(fake_logits):
    fake = _check(fake_logits, "fake_logits")
    return float(_softplus(-fake).mean()), (_sigmoid(fake) - 1.0) / fake.size
