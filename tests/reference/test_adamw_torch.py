"""Cross-check of reference/adamw.py against torch.optim.AdamW over whole trajectories: the same
gradients before every step, `lr` set on the parameter group between steps as a scheduler does."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("adamw")

# shape, betas, eps, weight_decay, amsgrad
CASES = [
    ((5,), (0.9, 0.999), 1e-8, 1e-2, False),
    ((3, 4), (0.9, 0.999), 1e-8, 1e-2, True),
    ((2, 3, 2), (0.8, 0.95), 1e-6, 0.5, False),
    ((4, 3), (0.5, 0.9), 1e-8, 2.0, True),
    ((1,), (0.0, 0.0), 0.0, 0.0, False),
    ((6,), (0.0, 0.99), 1e-8, 0.1, True),
    ((0,), (0.9, 0.999), 1e-8, 0.01, True),
]
LRS = [1e-2, 5e-2, 0.2, 0.0, 1e-3, 0.1, 0.03, 0.3]


def _gradients(shape: tuple[int, ...], steps: int, seed: int) -> list[np.ndarray]:
    """Gradients whose size changes from step to step (AMSGrad's maximum matters), with entries
    that are exactly 0 on every step and entries as small as 1e-9."""
    rng = np.random.default_rng(seed)
    scales = [1.0, 3.0, 0.2, 0.1, 2.0, 0.05, 0.5, 1e-3]
    grads = []
    for k in range(steps):
        g = rng.standard_normal(shape) * scales[k % len(scales)]
        flat = g.reshape(-1)
        if flat.size >= 2:
            flat[0] = 0.0
            flat[1] = 1e-9 * (1 + k)
        grads.append(g)
    return grads


def _torch_trajectory(param, grads, lrs, **hyper):
    p = torch.tensor(param, dtype=torch.float64, requires_grad=True)
    optimiser = torch.optim.AdamW(
        [p], lr=lrs[0], foreach=False, fused=False, capturable=False, differentiable=False, **hyper
    )
    out = []
    for g, lr in zip(grads, lrs, strict=True):
        for group in optimiser.param_groups:
            group["lr"] = lr
        p.grad = torch.tensor(g, dtype=torch.float64)
        optimiser.step()
        out.append(p.detach().numpy().copy())
    return out


@pytest.mark.parametrize(("shape", "betas", "eps", "weight_decay", "amsgrad"), CASES)
def test_trajectory_matches_torch(shape, betas, eps, weight_decay, amsgrad) -> None:
    seed = sum(shape) * 10 + int(amsgrad)
    rng = np.random.default_rng(seed)
    param = rng.standard_normal(shape)
    grads = _gradients(shape, len(LRS), seed + 1)
    hyper = {"betas": betas, "eps": eps, "weight_decay": weight_decay, "amsgrad": amsgrad}
    expected = _torch_trajectory(param, grads, LRS, **hyper)

    state = None
    p = param
    for k, (g, lr) in enumerate(zip(grads, LRS, strict=True)):
        g_copy, p_copy = g.copy(), p.copy()
        new_p, state = ref.adamw_step(p, g, state, lr=lr, **hyper)
        np.testing.assert_array_equal(g, g_copy)
        np.testing.assert_array_equal(p, p_copy)
        assert new_p.dtype == np.float64 and new_p.shape == shape
        np.testing.assert_allclose(new_p, expected[k], rtol=1e-12, atol=1e-14, err_msg=f"step {k}")
        # the step itself, not only the parameter it lands on
        np.testing.assert_allclose(
            new_p - p, expected[k] - (expected[k - 1] if k else param), rtol=1e-9, atol=1e-15
        )
        p = new_p


def test_defaults_match_torch() -> None:
    rng = np.random.default_rng(3)
    param = rng.standard_normal((3, 3))
    grads = _gradients((3, 3), 5, 4)
    lrs = [1e-3] * 5
    expected = _torch_trajectory(param, grads, lrs)
    state, p = None, param
    for k, g in enumerate(grads):
        p, state = ref.adamw_step(p, g, state)
        np.testing.assert_allclose(p, expected[k], rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    "hyper",
    [
        {"lr": -1e-3},
        {"eps": -1e-8},
        {"betas": (-0.1, 0.999)},
        {"betas": (1.0, 0.999)},
        {"betas": (0.9, -0.5)},
        {"betas": (0.9, 1.0)},
        {"weight_decay": -0.01},
        {"lr": float("nan")},
    ],
)
def test_value_errors_where_torch_raises(hyper) -> None:
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    with pytest.raises(ValueError):
        torch.optim.AdamW([p], **hyper)
    with pytest.raises(ValueError):
        ref.adamw_step(np.zeros(2), np.ones(2), None, **hyper)
    _, state = ref.adamw_step(np.zeros(2), np.ones(2), None)
    with pytest.raises(ValueError):
        ref.adamw_step(np.zeros(2), np.ones(2), state, **hyper)


@pytest.mark.parametrize(
    "hyper",
    [
        {"lr": 0.0},
        {"eps": 0.0},
        {"betas": (0.0, 0.0)},
        {"weight_decay": 0.0},
        {"betas": (0.999999, 0.999999)},
    ],
)
def test_boundaries_torch_accepts(hyper) -> None:
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    torch.optim.AdamW([p], **hyper)
    new_p, _ = ref.adamw_step(np.array([1.0, -2.0]), np.array([0.5, -0.25]), None, **hyper)
    assert np.all(np.isfinite(new_p))


def test_default_weight_decay_is_torchs() -> None:
    p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    assert torch.optim.AdamW([p]).defaults["weight_decay"] == 1e-2
    assert torch.optim.Adam([p]).defaults["weight_decay"] == 0.0


def test_no_gradient_decays_by_lr_times_weight_decay() -> None:
    """A parameter that never gets a gradient only decays: by (1 - lr * weight_decay) each step."""
    param = np.array([1.0, -2.0, 0.5])
    lrs = [0.1, 0.5, 0.0, 0.2]
    expected = _torch_trajectory(param, [np.zeros(3)] * 4, lrs, weight_decay=0.3)
    state, p = None, param
    for k, lr in enumerate(lrs):
        p, state = ref.adamw_step(p, np.zeros(3), state, lr=lr, weight_decay=0.3)
        np.testing.assert_allclose(p, expected[k], rtol=1e-14)
    np.testing.assert_allclose(p, param * 0.97 * 0.85 * 0.94, rtol=1e-14)


def test_lr_zero_leaves_param_unchanged() -> None:
    param = np.array([1.5, -2.0, 0.0])
    new_p, _ = ref.adamw_step(param, np.array([0.3, 0.0, -1e-9]), None, lr=0.0, weight_decay=0.1)
    np.testing.assert_array_equal(new_p, param)
