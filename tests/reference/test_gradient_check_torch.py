"""The `gradient_check` reference against PyTorch: torch autograd's exact gradients, and the
central differences that `torch.autograd.gradcheck` itself computes."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.autograd.gradcheck import _get_numerical_jacobian, gradcheck

from tests.support import load_reference

ref = load_reference("gradient_check")


def cross_entropy(shape, rng):
    labels = torch.tensor(rng.integers(0, shape[1], size=shape[0]))
    return lambda t: F.cross_entropy(t, labels)


def softplus_mix(shape, rng):
    w = torch.tensor(rng.uniform(0.5, 2.0, size=shape))
    return lambda t: (F.softplus(w * t).sum() + torch.tanh(t).prod()) / t.numel()


def two_layer(shape, rng):
    w2 = torch.tensor(rng.standard_normal((3, shape[0])))
    x = torch.tensor(rng.standard_normal((4, shape[1])))
    return lambda t: torch.sigmoid(torch.tanh(x @ t.T) @ w2.T).pow(2).mean()


def log_det(shape, rng):
    base = torch.tensor(np.eye(shape[0]) * 3.0)
    return lambda t: torch.logdet(base + t @ t.T)


CASES = [
    (cross_entropy, (4, 5)),
    (cross_entropy, (1, 3)),
    (softplus_mix, (6,)),
    (softplus_mix, (2, 3, 2)),
    (two_layer, (5, 3)),
    (log_det, (3, 3)),
]


def numpy_function(torch_function):
    return lambda z: float(torch_function(torch.tensor(z, dtype=torch.float64)))


def autograd_gradient(torch_function, x):
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    torch_function(t).backward()
    return t.grad.numpy()


@pytest.mark.parametrize(("make", "shape"), CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_agrees_with_autograd(make, shape, seed):
    """The central difference at h = 1e-5 agrees with torch autograd to a relative error < 1e-6."""
    rng = np.random.default_rng(seed)
    torch_function = make(shape, rng)
    x = rng.standard_normal(shape)
    kept = x.copy()
    numeric = ref.numerical_gradient(numpy_function(torch_function), x)
    exact = autograd_gradient(torch_function, x)
    np.testing.assert_array_equal(x, kept)
    assert numeric.shape == x.shape and numeric.dtype == np.float64
    assert ref.relative_error(numeric, exact) < 1e-6
    np.testing.assert_allclose(numeric, exact, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize(("make", "shape"), CASES)
@pytest.mark.parametrize("eps", [1e-6, 1e-3, 0.1])
def test_is_gradchecks_central_difference(make, shape, eps):
    """The numerical gradient is the column torch.autograd.gradcheck computes with the same eps
    (its own central differences, one element at a time), at any step size."""
    rng = np.random.default_rng(7)
    torch_function = make(shape, rng)
    x = rng.standard_normal(shape)
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)  # gradcheck's inputs
    with torch.no_grad():
        ((jacobian,),) = _get_numerical_jacobian(torch_function, (t,), eps=eps)
    theirs = jacobian.numpy().reshape(shape)
    ours = ref.numerical_gradient(numpy_function(torch_function), x, h=eps)
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-9 * max(1.0, np.abs(theirs).max()))


def test_forward_difference_is_what_gradcheck_avoids():
    """At a large step a one-sided difference is off by about h f''/2, the central one by
    h² f'''/6: for sum(x ** 3) at h = 0.1 that is 3 x h against h²."""
    x = np.array([1.0, -0.5, 2.0])
    h = 0.1
    numeric = ref.numerical_gradient(lambda z: float(np.sum(z**3)), x, h=h)
    exact = autograd_gradient(lambda t: (t**3).sum(), x)
    np.testing.assert_allclose(numeric - exact, np.full(3, h**2), rtol=1e-9)
    forward = np.array([(np.sum((x + h * e) ** 3) - np.sum(x**3)) / h for e in np.eye(3)])
    np.testing.assert_allclose(forward - exact, 3 * x * h + h**2, rtol=1e-9)


def test_relative_error_decides_like_gradcheck():
    """A correct analytic gradient passes gradcheck and has a tiny relative error; one that is
    off by a factor fails both."""
    rng = np.random.default_rng(11)
    x = rng.standard_normal((3, 4))

    class Scaled(torch.autograd.Function):
        @staticmethod
        def forward(ctx, t, factor):
            ctx.save_for_backward(t)
            ctx.factor = factor
            return (t**2).sum()

        @staticmethod
        def backward(ctx, grad):
            (t,) = ctx.saved_tensors
            return grad * 2 * t * ctx.factor, None

    t = torch.tensor(x, requires_grad=True)
    numeric = ref.numerical_gradient(lambda z: float(np.sum(z**2)), x)
    for factor, passes in ((1.0, True), (1.01, False)):
        assert (
            gradcheck(lambda u, k=factor: Scaled.apply(u, k), (t,), raise_exception=False) is passes
        )
        u = t.detach().clone().requires_grad_(True)
        Scaled.apply(u, factor).backward()
        error = ref.relative_error(u.grad.numpy(), numeric)
        assert (error < 1e-7) is passes and (error > 1e-3) is not passes


def test_relative_error_floor_and_shapes():
    """The floor is elementwise; zeros give 0.0; different shapes are a ValueError."""
    a = np.array([1.0, 1e-9, 0.0])
    b = np.array([1.0, 0.0, 0.0])
    assert ref.relative_error(a, b) == pytest.approx(0.1, rel=1e-12)
    assert ref.relative_error(np.zeros((2, 3)), np.zeros((2, 3))) == 0.0
    assert type(ref.relative_error(a, b)) is float
    with pytest.raises(ValueError):
        ref.relative_error(np.ones(3), np.ones((1, 3)))
    with pytest.raises(ValueError):
        ref.numerical_gradient(lambda z: 0.0, np.ones(2), h=-1e-5)
