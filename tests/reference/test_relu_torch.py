"""Cross-check of reference/relu.py against torch.relu, torch.nn.functional.leaky_relu, autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("relu")

SHAPES = [(1, 5), (3, 4), (2, 3, 4, 5), (7,)]


def _with_ties(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Integer-valued floats in [-3, 3], so exact zeros (the kink) are frequent."""
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, size=shape).astype(np.float64)
    x.flat[0] = 0.0
    return x


def _torch_grad(fn, x: np.ndarray, dout: np.ndarray):
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    out = fn(xt)
    out.backward(torch.tensor(dout, dtype=torch.float64))
    return out.detach().numpy(), xt.grad.numpy()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("ties", [False, True])
def test_relu_matches_torch(shape: tuple[int, ...], ties: bool) -> None:
    rng = np.random.default_rng(len(shape))
    x = _with_ties(shape, 1) if ties else rng.standard_normal(shape)
    dout = rng.standard_normal(shape)
    x_copy = x.copy()
    out, cache = ref.relu_forward(x)
    dx = ref.relu_backward(dout, cache)
    t_out, t_dx = _torch_grad(torch.relu, x, dout)
    np.testing.assert_array_equal(out, t_out)
    np.testing.assert_array_equal(dx, t_dx)
    np.testing.assert_array_equal(x, x_copy)
    assert out.dtype == dx.dtype == np.float64


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("slope", [0.01, 0.2, 1.5, -0.3, 0.0])
def test_leaky_relu_matches_torch(shape: tuple[int, ...], slope: float) -> None:
    rng = np.random.default_rng(7)
    x = _with_ties(shape, 2) + rng.standard_normal(shape) * (rng.random(shape) < 0.5)
    x.flat[0] = 0.0
    dout = rng.standard_normal(shape)
    x_copy = x.copy()
    out, cache = ref.leaky_relu_forward(x, slope)
    dx = ref.leaky_relu_backward(dout, cache)
    t_out, t_dx = _torch_grad(
        lambda t: torch.nn.functional.leaky_relu(t, negative_slope=slope), x, dout
    )
    np.testing.assert_allclose(out, t_out, rtol=1e-15, atol=0)
    np.testing.assert_allclose(dx, t_dx, rtol=1e-15, atol=0)
    np.testing.assert_array_equal(x, x_copy)


def test_leaky_relu_default_slope_is_torch_default() -> None:
    x = np.array([-2.0, -0.5, 0.0, 0.5])
    out, _ = ref.leaky_relu_forward(x)
    expected = torch.nn.functional.leaky_relu(torch.tensor(x)).numpy()
    np.testing.assert_array_equal(out, expected)


def test_gradient_at_zero_comes_from_the_negative_side() -> None:
    x = np.zeros(3)
    dout = np.array([1.0, -2.0, 3.0])
    _, c = ref.relu_forward(x)
    np.testing.assert_array_equal(ref.relu_backward(dout, c), np.zeros(3))
    _, c = ref.leaky_relu_forward(x, 0.1)
    np.testing.assert_allclose(ref.leaky_relu_backward(dout, c), 0.1 * dout)
    _, t_dx = _torch_grad(lambda t: torch.nn.functional.leaky_relu(t, 0.1), x, dout)
    np.testing.assert_allclose(t_dx, 0.1 * dout)


@pytest.mark.parametrize("slope", [0.0, -0.2])
def test_leaky_gradient_at_signed_zeros_with_nonpositive_slope(slope: float) -> None:
    """At +0.0 and -0.0 the leaky gradient is negative_slope also for a slope of 0 or below."""
    x = np.array([[0.0, -0.0, 0.0], [-1.0, 2.0, 0.0]])
    dout = np.array([[1.0, -2.0, 3.0], [0.5, 1.5, -1.0]])
    _, cache = ref.leaky_relu_forward(x, slope)
    dx = ref.leaky_relu_backward(dout, cache)
    _, t_dx = _torch_grad(lambda t: torch.nn.functional.leaky_relu(t, slope), x, dout)
    np.testing.assert_array_equal(dx, t_dx)
    np.testing.assert_array_equal(dx, np.where(x > 0, dout, slope * dout))
