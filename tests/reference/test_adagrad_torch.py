"""The `adagrad` reference against `torch.optim.Adagrad`: whole trajectories with the same
gradients and `lr` set on the parameter group before each step (as a scheduler does), gradients
with exact zeros and tiny entries, and the constructor's error rules."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("adagrad")

CASES = [
    {},
    {"lr_decay": 0.1},
    {"lr_decay": 2.0, "weight_decay": 0.01},
    {"weight_decay": 0.1},
    {"initial_accumulator_value": 0.1},
    {"initial_accumulator_value": 1.0, "eps": 0.0},
    {"eps": 1e-3, "lr_decay": 0.5},
    {"eps": 0.5, "initial_accumulator_value": 1e-12, "weight_decay": 1.0},
]


def gradients(rng: np.random.Generator, shape: tuple[int, ...], steps: int) -> list[np.ndarray]:
    grads = []
    for t in range(steps):
        g = rng.standard_normal(shape)
        flat = g.reshape(-1)
        if flat.size >= 3:
            flat[t % flat.size] = 0.0
            flat[(t + 1) % flat.size] *= 1e-9
        grads.append(g)
    return grads


def torch_trajectory(param, grads, lrs, **hyper):
    p = torch.tensor(param, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adagrad(
        [p], lr=lrs[0], foreach=False, differentiable=False, maximize=False, **hyper
    )
    params = []
    for grad, lr in zip(grads, lrs, strict=True):
        optimizer.param_groups[0]["lr"] = lr
        p.grad = torch.tensor(grad, dtype=torch.float64)
        optimizer.step()
        params.append(p.detach().numpy().copy())
    return params


def reference_trajectory(param, grads, lrs, **hyper):
    state, params = None, []
    for grad, lr in zip(grads, lrs, strict=True):
        copy = grad.copy()
        param, state = ref.adagrad_step(param, grad, state, lr=lr, **hyper)
        params.append(param)
        assert param.dtype == np.float64
        np.testing.assert_array_equal(copy, grad)
    return params


def _no_zero_over_zero(hyper: dict) -> bool:
    """eps = 0 with a zero gradient and a zero accumulator is 0 / 0, NaN in torch too."""
    return hyper.get("eps", 1e-10) > 0 or hyper.get("initial_accumulator_value", 0.0) > 0


@pytest.mark.parametrize("case", range(len(CASES)))
@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 1, 3), ()], ids=str)
def test_trajectory_matches_torch(case: int, shape: tuple[int, ...]) -> None:
    hyper = CASES[case]
    assert _no_zero_over_zero(hyper)
    rng = np.random.default_rng(100 * case + len(shape))
    param = rng.standard_normal(shape)
    grads = gradients(rng, shape, 8)
    lrs = [0.1, 0.05, 0.0, 0.2, 0.01, 0.15, 0.03, 0.08]
    expected = torch_trajectory(param, grads, lrs, **hyper)
    got = reference_trajectory(param, grads, lrs, **hyper)
    for step, (g, e) in enumerate(zip(got, expected, strict=True), start=1):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-15, err_msg=f"step {step}")


def test_tiny_gradients_match_torch() -> None:
    """Gradients of 1e-9 (and zeros): eps outside the root matters, element by element."""
    rng = np.random.default_rng(7)
    grads = [1e-9 * g for g in gradients(rng, (4,), 5)]
    lrs = [0.1, 0.2, 0.05, 0.1, 0.3]
    for hyper in CASES:
        expected = torch_trajectory(np.zeros(4), grads, lrs, **hyper)
        got = reference_trajectory(np.zeros(4), grads, lrs, **hyper)
        for g, e in zip(got, expected, strict=True):
            np.testing.assert_allclose(g, e, rtol=1e-12, atol=0)


def test_eps_zero_with_zero_gradient_is_nan_in_torch_too() -> None:
    """Why the hidden tests use eps = 0 only where no 0 / 0 can happen."""
    (expected,) = torch_trajectory(np.ones(2), [np.array([0.0, 1.0])], [0.1], eps=0.0)
    assert np.isnan(expected[0]) and expected[1] == pytest.approx(0.9)


INVALID = [
    {"lr": -0.01},
    {"lr_decay": -0.1},
    {"weight_decay": -1e-4},
    {"initial_accumulator_value": -1e-12},
    {"eps": -1e-10},
]
VALID_BOUNDARIES = [
    {"lr": 0.0},
    {"lr_decay": 0.0, "weight_decay": 0.0, "initial_accumulator_value": 0.0},
    {"eps": 0.0, "initial_accumulator_value": 0.5},
]


@pytest.mark.parametrize("kwargs", INVALID)
def test_value_errors_where_torch_raises(kwargs: dict) -> None:
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    with pytest.raises(ValueError):
        torch.optim.Adagrad([p], **kwargs)
    with pytest.raises(ValueError):
        ref.adagrad_step(np.zeros(2), np.ones(2), None, **kwargs)
    _, state = ref.adagrad_step(np.zeros(2), np.ones(2), None, lr=0.1)
    with pytest.raises(ValueError):
        ref.adagrad_step(np.zeros(2), np.ones(2), state, **kwargs)


@pytest.mark.parametrize("kwargs", VALID_BOUNDARIES)
def test_boundaries_torch_accepts(kwargs: dict) -> None:
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    torch.optim.Adagrad([p], **kwargs)
    new_param, _ = ref.adagrad_step(np.ones(2), np.ones(2), None, **kwargs)
    assert np.all(np.isfinite(new_param))
    if kwargs.get("lr", 1.0) == 0:
        np.testing.assert_array_equal(new_param, np.ones(2))


def test_defaults_match_torch() -> None:
    rng = np.random.default_rng(3)
    grads = gradients(rng, (3,), 4)
    p = torch.ones(3, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adagrad([p], foreach=False)
    param, state = np.ones(3), None
    for grad in grads:
        p.grad = torch.tensor(grad)
        optimizer.step()
        param, state = ref.adagrad_step(param, grad, state)
        np.testing.assert_allclose(param, p.detach().numpy(), rtol=1e-12, atol=0)
