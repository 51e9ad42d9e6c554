# wrong(generator_loss): -mean(log(sigmoid(fake) + 1e-8)); the epsilon caps the loss near 18.4
from __future__ import annotations

import numpy as np
from correct_logaddexp import _check, _sigmoid, discriminator_loss  # noqa: F401


def generator_loss(fake_logits):
    fake = _check(fake_logits, "fake_logits")
    loss = -np.mean(np.log(_sigmoid(fake) + 1e-8))
    return float(loss), (_sigmoid(fake) - 1.0) / fake.size
