# wrong(discriminator_loss, generator_loss): gradients divided by len(x), the rows, not x.size
from __future__ import annotations

import numpy as np
from correct_logaddexp import _check, _sigmoid, _softplus


def discriminator_loss(real_logits, fake_logits):
    real = _check(real_logits, "real_logits")
    fake = _check(fake_logits, "fake_logits")
    loss = _softplus(-real).mean() + _softplus(fake).mean()
    return float(loss), (_sigmoid(real) - 1.0) / len(real), _sigmoid(fake) / len(fake)


def generator_loss(fake_logits):
    fake = _check(fake_logits, "fake_logits")
    rows = fake.shape[0] if fake.ndim else 1
    return float(np.mean(_softplus(-fake))), (_sigmoid(fake) - 1.0) / rows
