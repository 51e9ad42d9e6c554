# wrong(discriminator_loss): real logits against target 0 and fakes against target 1
from __future__ import annotations

from correct_logaddexp import _check, _sigmoid, _softplus, generator_loss  # noqa: F401


def discriminator_loss(real_logits, fake_logits):
    real = _check(real_logits, "real_logits")
    fake = _check(fake_logits, "fake_logits")
    loss = _softplus(real).mean() + _softplus(-fake).mean()
    return float(loss), _sigmoid(real) / real.size, (_sigmoid(fake) - 1.0) / fake.size
