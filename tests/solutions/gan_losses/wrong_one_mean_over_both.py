# wrong(discriminator_loss): one mean over real and fake concatenated instead of two means added
from __future__ import annotations

import numpy as np
from correct_logaddexp import _check, _sigmoid, _softplus, generator_loss  # noqa: F401


def discriminator_loss(real_logits, fake_logits):
    real = _check(real_logits, "real_logits")
    fake = _check(fake_logits, "fake_logits")
    costs = np.concatenate([_softplus(-real).ravel(), _softplus(fake).ravel()])
    total = real.size + fake.size
    return float(costs.mean()), (_sigmoid(real) - 1.0) / total, _sigmoid(fake) / total
