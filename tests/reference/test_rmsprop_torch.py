"""Cross-check of reference/rmsprop.py against torch.optim.RMSprop over whole trajectories, with
the same gradients and the group's lr changed between steps as a scheduler would."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("rmsprop")

SETTINGS = [
    {},
    {"centered": True},
    {"momentum": 0.9},
    {"weight_decay": 0.1},
    {"alpha": 0.9, "eps": 1e-6},
    {"alpha": 0.0, "momentum": 0.5},
    {"centered": True, "momentum": 0.8, "alpha": 0.95},
    {"centered": True, "momentum": 0.6, "weight_decay": 0.05, "alpha": 0.8},
    {"momentum": 0.95, "weight_decay": 0.3, "eps": 1e-4},
    {"eps": 0.0},
    {"alpha": 1.0},
]
SHAPES = [(3, 4), (7,), (2, 1, 3), (1,), (0, 3)]


def _gradients(shape, steps, rng, *, eps_zero=False):
    grads = []
    for _ in range(steps):
        g = rng.standard_normal(shape)
        if not eps_zero:  # exact zeros and tiny entries (with eps = 0 a zero would be 0 / 0)
            flat = g.reshape(-1)
            flat[rng.random(flat.size) < 0.2] = 0.0
            tiny = rng.random(flat.size) < 0.3
            flat[tiny] *= 1e-9
        grads.append(g)
    return grads


def _torch_trajectory(param, grads, lrs, **kwargs):
    p = torch.tensor(param, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.RMSprop(
        [p],
        lr=lrs[0],
        foreach=False,
        maximize=False,
        capturable=False,
        differentiable=False,
        **kwargs,
    )
    out = []
    for g, lr in zip(grads, lrs, strict=True):
        for group in opt.param_groups:
            group["lr"] = lr  # what a scheduler does before the step
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        out.append(p.detach().numpy().copy())
    return out


@pytest.mark.parametrize("setting", range(len(SETTINGS)), ids=[str(s) for s in SETTINGS])
@pytest.mark.parametrize("which", range(len(SHAPES)), ids=[str(s) for s in SHAPES])
def test_trajectory_matches_torch(which, setting):
    shape, kwargs = SHAPES[which], SETTINGS[setting]
    rng = np.random.default_rng(100 * setting + which)
    param = rng.standard_normal(shape)
    lrs = [0.01, 0.05, 0.2, 0.1, 0.0, 0.03, 0.5, 0.002, 0.01, 0.02]
    if kwargs.get("alpha") == 1.0:
        lrs = [lr * 1e-8 for lr in lrs]  # v stays 0, so the denominator is eps alone
    grads = _gradients(shape, len(lrs), rng, eps_zero=kwargs.get("eps") == 0.0)
    expected = _torch_trajectory(param, grads, lrs, **kwargs)
    state, p = None, param
    for t, (g, lr) in enumerate(zip(grads, lrs, strict=True)):
        before, g_copy, p_copy = p, g.copy(), p.copy()
        p, state = ref.rmsprop_step(p, g, state, lr=lr, **kwargs)
        np.testing.assert_array_equal(g, g_copy)  # inputs untouched
        np.testing.assert_array_equal(before, p_copy)
        assert p.dtype == np.float64 and p.shape == shape
        np.testing.assert_allclose(p, expected[t], rtol=1e-12, atol=1e-14, err_msg=f"step {t + 1}")


def test_defaults_match_torch():
    rng = np.random.default_rng(5)
    param = rng.standard_normal((4, 3))
    grads = _gradients((4, 3), 6, rng)
    p = torch.tensor(param, requires_grad=True)
    opt = torch.optim.RMSprop([p], foreach=False)
    state, mine = None, param
    for g in grads:
        p.grad = torch.tensor(g)
        opt.step()
        mine, state = ref.rmsprop_step(mine, g, state)
        np.testing.assert_allclose(mine, p.detach().numpy(), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    ("name", "value"),
    [("lr", -0.01), ("alpha", -0.5), ("eps", -1e-8), ("momentum", -0.9), ("weight_decay", -1e-4)],
)
def test_value_errors_where_torch_raises(name, value):
    with pytest.raises(ValueError):
        torch.optim.RMSprop([torch.zeros(3, requires_grad=True)], **{name: value})
    with pytest.raises(ValueError):
        ref.rmsprop_step(np.ones(3), np.ones(3), None, **{name: value})
    _, state = ref.rmsprop_step(np.ones(3), np.ones(3), None, momentum=0.5)
    with pytest.raises(ValueError):
        ref.rmsprop_step(np.ones(3), np.ones(3), state, **{"momentum": 0.5, name: value})


def test_boundaries_torch_accepts():
    for kwargs in ({"lr": 0.0}, {"alpha": 0.0}, {"eps": 0.0}, {"alpha": 1.5}, {"momentum": 0.0}):
        torch.optim.RMSprop([torch.zeros(3, requires_grad=True)], **kwargs)
        ref.rmsprop_step(
            np.ones(3), np.zeros(3) if "alpha" in kwargs else np.ones(3), None, **kwargs
        )
    p, _ = ref.rmsprop_step(np.ones(3), np.ones(3), None, lr=0.0, momentum=0.9)
    np.testing.assert_array_equal(p, np.ones(3))
