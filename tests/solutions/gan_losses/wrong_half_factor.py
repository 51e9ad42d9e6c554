# wrong(discriminator_loss): 0.5 * (real term + fake term), the halved loss of some GAN codebases
from __future__ import annotations

from correct_logaddexp import _check, _sigmoid, _softplus, generator_loss  # noqa: F401


def discriminator_loss(real_logits, fake_logits):
    real = _check(real_logits, "real_logits")
    fake = _check(fake_logits, "fake_logits")
    loss = 0.5 * (_softplus(-real).mean() + _softplus(fake).mean())
    return float(loss), 0.5 * (_sigmoid(real) - 1.0) / real.size, 0.5 * _sigmoid(fake) / fake.size
