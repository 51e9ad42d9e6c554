# wrong(discriminator_loss, generator_loss): no check for empty arrays, np.mean returns NaN there
from __future__ import annotations

import numpy as np
from correct_logaddexp import _sigmoid, _softplus


def discriminator_loss(real_logits, fake_logits):
    real = np.asarray(real_logits, dtype=np.float64)
    fake = np.asarray(fake_logits, dtype=np.float64)
    loss = np.mean(_softplus(-real)) + np.mean(_softplus(fake))
    d_real = (_sigmoid(real) - 1.0) / max(real.size, 1)
    return float(loss), d_real, _sigmoid(fake) / max(fake.size, 1)


def generator_loss(fake_logits):
    fake = np.asarray(fake_logits, dtype=np.float64)
    return float(np.mean(_softplus(-fake))), (_sigmoid(fake) - 1.0) / max(fake.size, 1)
