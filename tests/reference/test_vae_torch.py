"""The `vae` reference against PyTorch: torch.distributions (Normal.rsample, kl_divergence,
log_prob, cdf) and autograd for the gradients of the KL term and of z."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.distributions import Normal, kl_divergence

from tests.support import load_reference

ref = load_reference("vae")

SHAPES = [(4, 3), (1, 5), (8, 1), (1, 1), (16, 10)]


def encoder_output(shape, seed, spread=1.0):
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, 1.5, size=shape), rng.uniform(-3.0, 3.0, size=shape) * spread


def torch_kl(mu, logvar):
    mu_t = torch.tensor(mu, requires_grad=True)
    logvar_t = torch.tensor(logvar, requires_grad=True)
    prior = Normal(torch.zeros_like(mu_t), torch.ones_like(mu_t))
    kl = kl_divergence(Normal(mu_t, torch.exp(0.5 * logvar_t)), prior).sum(1).mean()
    kl.backward()
    return kl.item(), mu_t.grad.numpy(), logvar_t.grad.numpy()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("seed", "spread"), [(0, 1.0), (1, 0.01), (2, 3.0)])
def test_kl_matches_torch_distributions(shape, seed, spread):
    """kl equals kl_divergence(Normal(mu, sigma), Normal(0, 1)).sum(1).mean(); the gradients
    equal autograd's."""
    mu, logvar = encoder_output(shape, seed, spread)
    copies = mu.copy(), logvar.copy()
    kl, dmu, dlogvar = ref.kl_divergence(mu, logvar)
    t_kl, t_dmu, t_dlogvar = torch_kl(mu, logvar)
    assert type(kl) is float
    assert kl == pytest.approx(t_kl, rel=1e-12, abs=1e-14)
    np.testing.assert_allclose(dmu, t_dmu, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(dlogvar, t_dlogvar, rtol=1e-10, atol=1e-15)
    np.testing.assert_array_equal(mu, copies[0])
    np.testing.assert_array_equal(logvar, copies[1])


def test_kl_of_the_prior_is_zero_as_in_torch():
    """N(0, 1) against itself: 0.0 in torch and in the reference, gradients 0."""
    zeros = np.zeros((3, 2))
    kl, dmu, dlogvar = ref.kl_divergence(zeros, zeros)
    t_kl, t_dmu, t_dlogvar = torch_kl(zeros, zeros)
    assert kl == t_kl == 0.0
    assert not dmu.any() and not dlogvar.any() and not t_dmu.any() and not t_dlogvar.any()


class TorchNoise:
    """A stand-in for a generator: hands the reference torch's own standard normals, so that the
    reference's z can be compared with Normal(mu, sigma).rsample() under the same torch seed."""

    def __init__(self, seed):
        self.seed = seed

    def standard_normal(self, shape):
        generator = torch.Generator().manual_seed(self.seed)
        return torch.randn(shape, generator=generator, dtype=torch.float64).numpy()


@pytest.mark.parametrize("shape", [(4, 3), (2, 3, 5), (7,)])
def test_reparameterize_is_rsample(shape):
    """z = mu + sigma * eps is Normal(mu, exp(0.5 * logvar)).rsample() with the same noise, and
    autograd through rsample gives dz/dmu = 1, dz/dlogvar = 0.5 * sigma * eps."""
    mu, logvar = encoder_output(shape, 3)
    z = ref.reparameterize(mu, logvar, rng=TorchNoise(5))
    mu_t = torch.tensor(mu, requires_grad=True)
    logvar_t = torch.tensor(logvar, requires_grad=True)
    torch.manual_seed(5)
    sample = Normal(mu_t, torch.exp(0.5 * logvar_t)).rsample()
    np.testing.assert_allclose(z, sample.detach().numpy(), rtol=1e-12, atol=1e-12)
    sample.sum().backward()
    eps = (z - mu) / np.exp(0.5 * logvar)
    np.testing.assert_allclose(mu_t.grad.numpy(), np.ones(shape))
    np.testing.assert_allclose(logvar_t.grad.numpy(), 0.5 * np.exp(0.5 * logvar) * eps, rtol=1e-10)


@pytest.mark.parametrize(("mu", "variance"), [(0.0, 1.0), (2.5, 0.36), (-1.0, 9.0)])
def test_reparameterize_follows_torch_normal(mu, variance):
    """200 000 draws of z from the reference follow Normal(mu, sigma) (KS test on torch's cdf),
    and their mean log_prob is close to the entropy's negative."""
    shape = (400, 500)
    z = ref.reparameterize(
        np.full(shape, mu), np.full(shape, np.log(variance)), rng=np.random.default_rng(11)
    )
    dist = Normal(torch.tensor(mu, dtype=torch.float64), torch.tensor(np.sqrt(variance)))
    values = np.sort(z.ravel())
    cdf = dist.cdf(torch.tensor(values)).numpy()
    n = values.size
    ks = max(np.max(np.arange(1, n + 1) / n - cdf), np.max(cdf - np.arange(n) / n))
    assert ks < 1.63 / np.sqrt(n)  # the 1 % critical value
    mean_log_prob = dist.log_prob(torch.tensor(z)).mean().item()
    assert mean_log_prob == pytest.approx(-dist.entropy().item(), abs=0.01)


def test_reparameterize_draws_one_value_per_element():
    """The same seed gives the same noise whatever mu and logvar hold."""
    mu, logvar = encoder_output((6, 4), 12)
    eps = ref.reparameterize(np.zeros((6, 4)), np.zeros((6, 4)), rng=np.random.default_rng(13))
    z = ref.reparameterize(mu, logvar, rng=np.random.default_rng(13))
    np.testing.assert_allclose(z, mu + np.exp(0.5 * logvar) * eps, rtol=1e-14)


def test_value_errors():
    """Different shapes (both functions); kl_divergence of 1-D, 3-D or empty arrays."""
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError):
        ref.reparameterize(np.zeros((4, 3)), np.zeros(3), rng=rng)
    with pytest.raises(ValueError):
        ref.kl_divergence(np.zeros((4, 3)), np.zeros((1, 3)))
    for shape in [(5,), (2, 3, 4), (0, 3), (4, 0)]:
        with pytest.raises(ValueError):
            ref.kl_divergence(np.zeros(shape), np.zeros(shape))
