# wrong(discriminator_loss): empty check on fake_logits only; an empty real_logits gives NaN
from __future__ import annotations

import numpy as np
from correct_logaddexp import _check, _sigmoid, _softplus, generator_loss  # noqa: F401


def discriminator_loss(real_logits, fake_logits):
    real = np.asarray(real_logits, dtype=np.float64)
    fake = _check(fake_logits, "fake_logits")
    with np.errstate(invalid="ignore"):
        real_term = _softplus(-real).sum() / real.size if real.size else float("nan")
    loss = real_term + _softplus(fake).mean()
    return float(loss), (_sigmoid(real) - 1.0) / max(real.size, 1), _sigmoid(fake) / fake.size
