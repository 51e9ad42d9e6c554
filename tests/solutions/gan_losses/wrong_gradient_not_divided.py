# wrong(discriminator_loss, generator_loss): gradients sigmoid - target, missing the mean's 1/size
from __future__ import annotations

from correct_logaddexp import _check, _sigmoid, _softplus


def discriminator_loss(real_logits, fake_logits):
    real = _check(real_logits, "real_logits")
    fake = _check(fake_logits, "fake_logits")
    loss = _softplus(-real).mean() + _softplus(fake).mean()
    return float(loss), _sigmoid(real) - 1.0, _sigmoid(fake)


def generator_loss(fake_logits):
    fake = _check(fake_logits, "fake_logits")
    return float(_softplus(-fake).mean()), _sigmoid(fake) - 1.0
