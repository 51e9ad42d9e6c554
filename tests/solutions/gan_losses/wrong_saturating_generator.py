# wrong(generator_loss): the saturating minimax loss mean(log(1 - sigmoid(fake))), flat where D wins
from __future__ import annotations

from correct_logaddexp import _check, _sigmoid, _softplus, discriminator_loss  # noqa: F401


def generator_loss(fake_logits):
    fake = _check(fake_logits, "fake_logits")
    # log(1 - sigmoid(x)) = -softplus(x): minimised by the generator in the original paper
    return float(-_softplus(fake).mean()), -_sigmoid(fake) / fake.size
