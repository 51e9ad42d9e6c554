"""The `sgd_momentum` reference against `torch.optim.SGD`: whole trajectories with the same
gradients and `lr` set on the parameter group before each step (as a scheduler does), and the
constructor's error rules."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("sgd_momentum")

CASES = [
    {},
    {"weight_decay": 0.1},
    {"dampening": 0.5},
    {"momentum": 0.9},
    {"momentum": 0.9, "dampening": 0.1},
    {"momentum": 0.5, "dampening": 0.9, "weight_decay": 0.01},
    {"momentum": 0.8, "dampening": 1.5},
    {"momentum": 0.8, "dampening": -0.5},
    {"momentum": 0.9, "nesterov": True},
    {"momentum": 0.99, "nesterov": True, "weight_decay": 0.05},
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
    optimizer = torch.optim.SGD(
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
        copies = (param.copy(), grad.copy())
        param, state = ref.sgd_step(param, grad, state, lr=lr, **hyper)
        params.append(param)
        assert param.dtype == np.float64
        np.testing.assert_array_equal(copies[1], grad)
    return params


@pytest.mark.parametrize("case", range(len(CASES)))
@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 1, 3), ()], ids=str)
def test_trajectory_matches_torch(case: int, shape: tuple[int, ...]) -> None:
    hyper = CASES[case]
    rng = np.random.default_rng(100 * case + len(shape))
    param = rng.standard_normal(shape)
    grads = gradients(rng, shape, 8)
    lrs = [0.1, 0.05, 0.0, 0.2, 0.01, 0.15, 0.03, 0.08]
    expected = torch_trajectory(param, grads, lrs, **hyper)
    got = reference_trajectory(param, grads, lrs, **hyper)
    for step, (g, e) in enumerate(zip(got, expected, strict=True), start=1):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-15, err_msg=f"step {step}")


def test_tiny_gradients_match_torch() -> None:
    rng = np.random.default_rng(7)
    grads = [1e-9 * g for g in gradients(rng, (4,), 5)]
    lrs = [0.1, 0.2, 0.05, 0.1, 0.3]
    for hyper in CASES:
        expected = torch_trajectory(np.zeros(4), grads, lrs, **hyper)
        got = reference_trajectory(np.zeros(4), grads, lrs, **hyper)
        for g, e in zip(got, expected, strict=True):
            np.testing.assert_allclose(g, e, rtol=1e-12, atol=0)


INVALID = [
    {"lr": -0.01},
    {"lr": 0.1, "momentum": -0.5},
    {"lr": 0.1, "weight_decay": -1e-4},
    {"lr": 0.1, "nesterov": True},
    {"lr": 0.1, "momentum": 0.9, "dampening": 0.1, "nesterov": True},
    {"lr": 0.1, "momentum": 0.5, "dampening": -0.2, "nesterov": True},
]
VALID_BOUNDARIES = [
    {"lr": 0.0},
    {"lr": 0.1, "momentum": 0.0, "dampening": 2.0},
    {"lr": 0.1, "momentum": 0.9, "dampening": -1.0},
    {"lr": 0.1, "weight_decay": 0.0, "momentum": 1e-12, "nesterov": True},
]


@pytest.mark.parametrize("kwargs", INVALID)
def test_value_errors_where_torch_raises(kwargs: dict) -> None:
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    with pytest.raises(ValueError):
        torch.optim.SGD([p], **kwargs)
    with pytest.raises(ValueError):
        ref.sgd_step(np.zeros(2), np.ones(2), None, **kwargs)
    _, state = ref.sgd_step(np.zeros(2), np.ones(2), None, lr=0.1, momentum=0.9)
    with pytest.raises(ValueError):
        ref.sgd_step(np.zeros(2), np.ones(2), state, **kwargs)


@pytest.mark.parametrize("kwargs", VALID_BOUNDARIES)
def test_boundaries_torch_accepts(kwargs: dict) -> None:
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    torch.optim.SGD([p], **kwargs)
    new_param, _ = ref.sgd_step(np.ones(2), np.ones(2), None, **kwargs)
    if kwargs["lr"] == 0:
        np.testing.assert_array_equal(new_param, np.ones(2))
