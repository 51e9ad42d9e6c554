"""Cross-check reference/layer_norm.py against torch.nn.functional.layer_norm, nn.LayerNorm and
autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("layer_norm")

# (x shape, number of normalised trailing axes)
CASES = [
    ((4, 5), 1),
    ((1, 6), 1),
    ((2, 3, 4), 1),
    ((3, 1, 5), 1),
    ((2, 3, 4), 2),
    ((2, 3, 2, 4), 2),
    ((2, 3, 2, 4), 3),
    ((5,), 1),
    ((3, 4), 2),
    ((4, 1), 1),
    ((3, 1, 1), 2),
    ((3, 1, 4), 2),
    ((0, 4), 1),
    ((2, 0, 3), 1),
]


def _params(shape: tuple[int, ...], k: int, seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    norm = shape[len(shape) - k :]
    x = rng.normal(0.7, 2.0, size=shape)
    gamma = rng.normal(1.0, 0.5, size=norm)
    beta = rng.normal(0.0, 0.5, size=norm)
    return x, gamma, beta


def _torch_forward_backward(x, gamma, beta, dout, *, eps):
    xt = torch.tensor(x, requires_grad=True)
    gt = torch.tensor(gamma, requires_grad=True)
    bt = torch.tensor(beta, requires_grad=True)
    out = torch.nn.functional.layer_norm(xt, gamma.shape, gt, bt, eps)
    out.backward(torch.tensor(dout))
    return (
        out.detach().numpy(),
        xt.grad.numpy(),
        gt.grad.numpy(),
        bt.grad.numpy(),
    )


def _close(got, want, *, rtol=1e-10, atol=1e-11):
    assert got.dtype == np.float64
    assert got.shape == want.shape
    scale = max(1.0, float(np.abs(want).max(initial=0.0)))
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol * scale)


@pytest.mark.parametrize(("shape", "k"), CASES)
@pytest.mark.parametrize("eps", [1e-5, 1e-2, 0.5])
def test_forward_and_backward_match_torch(shape, k, eps):
    x, gamma, beta = _params(shape, k, seed=sum(shape) + k)
    dout = np.random.default_rng(1).normal(size=shape)
    copies = [a.copy() for a in (x, gamma, beta, dout)]

    out, cache = ref.layer_norm_forward(x, gamma, beta, eps=eps)
    dx, dgamma, dbeta = ref.layer_norm_backward(dout, cache)
    expected = _torch_forward_backward(x, gamma, beta, dout, eps=eps)
    for got, want in zip((out, dx, dgamma, dbeta), expected, strict=True):
        _close(got, want)
    for original, now in zip(copies, (x, gamma, beta, dout), strict=True):
        np.testing.assert_array_equal(original, now)


def test_default_eps_is_torchs():
    x, gamma, beta = _params((3, 4), 1, seed=2)
    x[1] = 3.0 + 1e-3 * np.arange(4)  # a tiny variance, where eps matters
    out, _ = ref.layer_norm_forward(x, gamma, beta)
    want = torch.nn.functional.layer_norm(
        torch.tensor(x), (4,), torch.tensor(gamma), torch.tensor(beta)
    )
    _close(out, want.numpy())


def test_module_layernorm_on_a_sequence():
    """nn.LayerNorm(E) on a batch of sequences (N, L, E), weights copied in, autograd gradients."""
    rng = np.random.default_rng(7)
    n, length, e = 2, 5, 6
    ln = torch.nn.LayerNorm(e, eps=1e-6).double()
    gamma, beta = rng.normal(1.0, 0.3, size=e), rng.normal(size=e)
    with torch.no_grad():
        ln.weight.copy_(torch.tensor(gamma))
        ln.bias.copy_(torch.tensor(beta))
    x = rng.normal(2.0, 3.0, size=(n, length, e))
    dout = rng.normal(size=x.shape)
    xt = torch.tensor(x, requires_grad=True)
    ln(xt).backward(torch.tensor(dout))
    out, cache = ref.layer_norm_forward(x, gamma, beta, eps=1e-6)
    dx, dgamma, dbeta = ref.layer_norm_backward(dout, cache)
    _close(out, ln(torch.tensor(x)).detach().numpy())
    _close(dx, xt.grad.numpy())
    _close(dgamma, ln.weight.grad.numpy())
    _close(dbeta, ln.bias.grad.numpy())


def test_module_layernorm_over_two_axes():
    """nn.LayerNorm((C, H, W)) on images: one group per sample."""
    rng = np.random.default_rng(8)
    shape = (3, 2, 3, 4)
    ln = torch.nn.LayerNorm(shape[1:]).double()
    gamma, beta = rng.normal(size=shape[1:]), rng.normal(size=shape[1:])
    with torch.no_grad():
        ln.weight.copy_(torch.tensor(gamma))
        ln.bias.copy_(torch.tensor(beta))
    x = rng.normal(size=shape)
    out, _ = ref.layer_norm_forward(x, gamma, beta)
    _close(out, ln(torch.tensor(x)).detach().numpy())


def test_constant_small_and_large_groups():
    """Constant groups (var 0), tiny variances and values up to 1e4: as torch, finite, no
    floating-point warnings."""
    rng = np.random.default_rng(5)
    x = rng.normal(0.0, 1e4, size=(6, 5))
    x[1] = -2.0  # constant
    x[2] = 1e4  # constant at the largest magnitude
    x[3] = 3.0 + 1e-3 * rng.normal(size=5)  # tiny variance
    x[4] = 1e4 + 0.02 * rng.normal(size=5)  # large offset, small spread
    gamma, beta = rng.normal(size=5), rng.normal(size=5)
    dout = rng.normal(size=x.shape)
    with np.errstate(all="raise", under="ignore"):
        out, cache = ref.layer_norm_forward(x, gamma, beta)
        grads = ref.layer_norm_backward(dout, cache)
    expected = _torch_forward_backward(x, gamma, beta, dout, eps=1e-5)
    for got, want in zip((out, *grads), expected, strict=True):
        assert np.all(np.isfinite(got))
        _close(got, want, rtol=1e-8, atol=1e-10)
    np.testing.assert_array_equal(out[1], beta)
    np.testing.assert_array_equal(out[2], beta)


def test_gradients_against_autograd_with_a_random_loss():
    """A scalar loss through the layer: autograd's gradients of every input."""
    rng = np.random.default_rng(9)
    for shape, k in ((3, 4), 1), ((2, 3, 4), 2), ((6,), 1):
        x, gamma, beta = _params(shape, k, seed=int(rng.integers(1000)))
        w = rng.normal(size=shape)
        xt, gt, bt = (torch.tensor(a, requires_grad=True) for a in (x, gamma, beta))
        loss = torch.nn.functional.layer_norm(xt, gamma.shape, gt, bt).tanh() * torch.tensor(w)
        loss.sum().backward()
        out, cache = ref.layer_norm_forward(x, gamma, beta)
        dout = (1.0 - np.tanh(out) ** 2) * w
        for got, want in zip(ref.layer_norm_backward(dout, cache), (xt, gt, bt), strict=True):
            _close(got, want.grad.numpy())


def test_caches_are_independent():
    x, gamma, beta = _params((3, 2, 4), 2, seed=11)
    x2 = x * 1.5 - 0.3
    dout = np.random.default_rng(2).normal(size=x.shape)
    _, cache_1 = ref.layer_norm_forward(x, gamma, beta)
    _, cache_2 = ref.layer_norm_forward(x2, gamma, beta, eps=1e-2)
    got_2 = ref.layer_norm_backward(dout, cache_2)
    got_1 = ref.layer_norm_backward(dout, cache_1)
    for got, inputs, eps in ((got_1, x, 1e-5), (got_2, x2, 1e-2)):
        expected = _torch_forward_backward(inputs, gamma, beta, dout, eps=eps)
        for g, e in zip(got, expected[1:], strict=True):
            _close(g, e)


@pytest.mark.parametrize(
    ("x_shape", "g_shape"),
    [((3, 4), (1,)), ((2, 3, 4), (1, 4)), ((2, 3, 4), (3, 1)), ((4,), (3, 4))],
)
def test_gamma_that_is_not_the_trailing_shape_is_refused(x_shape, g_shape):
    """Torch refuses these too: the normalised shape must be x's trailing shape exactly."""
    x, gamma, beta = np.ones(x_shape), np.ones(g_shape), np.zeros(g_shape)
    with pytest.raises(ValueError, match="gamma"):
        ref.layer_norm_forward(x, gamma, beta)
    with pytest.raises(RuntimeError):
        torch.nn.functional.layer_norm(
            torch.tensor(x), g_shape, torch.tensor(gamma), torch.tensor(beta)
        )


def test_beta_of_another_shape_is_refused():
    x = np.ones((3, 5))
    with pytest.raises(ValueError, match="beta"):
        ref.layer_norm_forward(x, np.ones(5), np.zeros(1))
    with pytest.raises(RuntimeError):
        torch.nn.functional.layer_norm(
            torch.tensor(x), (5,), torch.ones(5, dtype=torch.float64), torch.zeros(1).double()
        )


def test_gamma_without_dimensions_is_refused():
    """Torch: `Expected normalized_shape to be at least 1-dimensional`."""
    x = np.ones((3, 4))
    with pytest.raises(ValueError, match="at least one dimension"):
        ref.layer_norm_forward(x, np.array(1.0), np.array(0.0))
    with pytest.raises(RuntimeError, match="at least 1-dimensional"):
        torch.nn.functional.layer_norm(torch.tensor(x), ())


def test_dout_of_the_wrong_shape_is_refused():
    x, gamma, beta = _params((4, 3), 1, seed=4)
    _, cache = ref.layer_norm_forward(x, gamma, beta)
    with pytest.raises(ValueError, match="dout"):
        ref.layer_norm_backward(np.ones((1, 3)), cache)
    xt = torch.tensor(x, requires_grad=True)
    out = torch.nn.functional.layer_norm(xt, (3,), torch.tensor(gamma), torch.tensor(beta))
    with pytest.raises(RuntimeError, match="Mismatch in shape"):
        out.backward(torch.ones(1, 3, dtype=torch.float64))
