"""Cross-check of reference/gan_losses.py against binary_cross_entropy_with_logits and autograd."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.support import load_reference

ref = load_reference("gan_losses")

SHAPE_PAIRS = [
    ((4,), (4,)),
    ((3,), (5,)),
    ((8, 1), (8, 1)),
    ((2, 3), (7,)),
    ((1,), (1,)),
    ((2, 3, 4), (6,)),
]
EXTREMES = np.array([-1e4, -1000.0, -745.0, -40.0, -1e-8, 0.0, 1e-8, 40.0, 745.0, 1000.0, 1e4])


def _torch_discriminator(real: np.ndarray, fake: np.ndarray):
    rt = torch.tensor(real, requires_grad=True)
    ft = torch.tensor(fake, requires_grad=True)
    loss = F.binary_cross_entropy_with_logits(rt, torch.ones_like(rt)) + (
        F.binary_cross_entropy_with_logits(ft, torch.zeros_like(ft))
    )
    loss.backward()
    return loss.item(), rt.grad.numpy(), ft.grad.numpy()


def _torch_generator(fake: np.ndarray):
    ft = torch.tensor(fake, requires_grad=True)
    loss = F.binary_cross_entropy_with_logits(ft, torch.ones_like(ft))
    loss.backward()
    return loss.item(), ft.grad.numpy()


@pytest.mark.parametrize(("real_shape", "fake_shape"), SHAPE_PAIRS)
def test_discriminator_matches_torch(real_shape, fake_shape) -> None:
    rng = np.random.default_rng(len(real_shape) * 10 + sum(fake_shape))
    real = rng.standard_normal(real_shape) * 3
    fake = rng.standard_normal(fake_shape) * 3
    copies = (real.copy(), fake.copy())
    loss, d_real, d_fake = ref.discriminator_loss(real, fake)
    t_loss, t_real, t_fake = _torch_discriminator(real, fake)
    assert isinstance(loss, float)
    np.testing.assert_allclose(loss, t_loss, rtol=1e-13)
    np.testing.assert_allclose(d_real, t_real, rtol=1e-12, atol=1e-17)
    np.testing.assert_allclose(d_fake, t_fake, rtol=1e-12, atol=1e-17)
    assert d_real.shape == real_shape and d_fake.shape == fake_shape
    np.testing.assert_array_equal(real, copies[0])
    np.testing.assert_array_equal(fake, copies[1])


@pytest.mark.parametrize("shape", [(5,), (4, 1), (2, 3, 2), (1,), ()])
def test_generator_matches_torch(shape) -> None:
    rng = np.random.default_rng(len(shape) + 7)
    fake = np.asarray(rng.standard_normal(shape) * 3)
    loss, d_fake = ref.generator_loss(fake)
    t_loss, t_fake = _torch_generator(fake)
    assert isinstance(loss, float)
    np.testing.assert_allclose(loss, t_loss, rtol=1e-13)
    np.testing.assert_allclose(d_fake, t_fake, rtol=1e-12, atol=1e-17)
    assert d_fake.shape == shape


def test_generator_is_the_non_saturating_loss() -> None:
    """-mean(log sigmoid(x)), not mean(log(1 - sigmoid(x))): torch's BCE against target 1."""
    fake = np.array([-6.0, -2.0, 0.5, 3.0])
    loss, d_fake = ref.generator_loss(fake)
    t = torch.tensor(fake, requires_grad=True)
    t_loss = -torch.nn.functional.logsigmoid(t).mean()
    t_loss.backward()
    np.testing.assert_allclose(loss, t_loss.item(), rtol=1e-13)
    np.testing.assert_allclose(d_fake, t.grad.numpy(), rtol=1e-12)
    saturating = torch.log1p(-torch.sigmoid(torch.tensor(fake))).mean().item()
    assert abs(loss - saturating) > 1.0


def test_extremes_are_stable_and_match_torch() -> None:
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        d = ref.discriminator_loss(EXTREMES, EXTREMES[::-1] * 0.5)
        g = ref.generator_loss(EXTREMES)
        single = ref.generator_loss(np.array([-1e4]))
    t_d = _torch_discriminator(EXTREMES, EXTREMES[::-1] * 0.5)
    t_g = _torch_generator(EXTREMES)
    np.testing.assert_allclose(d[0], t_d[0], rtol=1e-13)
    np.testing.assert_allclose(g[0], t_g[0], rtol=1e-13)
    for got, expected in zip(d[1:] + g[1:], t_d[1:] + t_g[1:]):
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-17)
    assert single[0] == 1e4 == _torch_generator(np.array([-1e4]))[0]


def test_empty_raises() -> None:
    for call in (
        lambda: ref.discriminator_loss(np.zeros(0), np.zeros(3)),
        lambda: ref.discriminator_loss(np.zeros(3), np.zeros((2, 0))),
        lambda: ref.generator_loss(np.zeros((0, 4))),
    ):
        with pytest.raises(ValueError):
            call()
    # torch itself returns NaN for the mean over no elements
    assert np.isnan(_torch_generator(np.zeros(0))[0])
