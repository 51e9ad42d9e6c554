"""Hidden tests for the `adamw` kata: torch.optim.AdamW's update, graded over whole trajectories.

The learner's state stays in the learner's process: each call returns an opaque handle that the
next call of the same trajectory passes back. The reference runs its own trajectory beside it, on
the same parameters, gradients and learning rates, so every call is compared on its own.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    Trajectory,
    assert_close,
    drifting_gradients,
    expect_array,
    expect_value_error,
    note,
)

FN = "adamw_step"
# a scheduler's learning rates: rising, falling, 0 in the middle, large jumps
LRS = [1e-2, 5e-2, 0.2, 0.0, 1e-3, 0.1, 0.03, 0.3]
# the gradient's size from step to step: the second moment falls as well as rises
SCALES = [1.0, 3.0, 0.2, 0.1, 2.0, 0.05, 0.5, 1e-3]


def gradients(shape, steps, seed, *, scales=SCALES):
    return drifting_gradients(shape, steps, seed, scales)


@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 3, 2), (1,), (1, 1)])
def test_first_step(solution, reference, shape):
    rng = np.random.default_rng(sum(shape) + len(shape))
    run = Trajectory(solution, reference, FN, rng.standard_normal(shape))
    run.step(rng.standard_normal(shape), hint=note("first_step"))


TRAJECTORIES = {
    "defaults": {},
    "betas_08_095_eps_1e-6": {"betas": (0.8, 0.95), "eps": 1e-6, "weight_decay": 0.1},
    "betas_05_09": {"betas": (0.5, 0.9), "weight_decay": 0.05},
}


@pytest.mark.parametrize("name", list(TRAJECTORIES))
@pytest.mark.parametrize("shape", [(4, 3), (7,)])
def test_trajectory(solution, reference, name, shape):
    seed = len(name) * 10 + len(shape)
    rng = np.random.default_rng(seed)
    run = Trajectory(solution, reference, FN, rng.standard_normal(shape), **TRAJECTORIES[name])
    for g, lr in zip(gradients(shape, len(LRS), seed + 1), LRS, strict=True):
        run.step(g, lr=lr, hint=note("trajectory"))


@pytest.mark.parametrize("weight_decay", [0.1, 0.5, 2.0])
def test_decoupled_weight_decay(solution, reference, weight_decay):
    rng = np.random.default_rng(int(weight_decay * 100))
    shape = (3, 4)
    run = Trajectory(
        solution, reference, FN, 2 * rng.standard_normal(shape), weight_decay=weight_decay
    )
    for g, lr in zip(gradients(shape, 6, 5), LRS[:6], strict=True):
        run.step(g, lr=lr, hint=note("decoupled"))


def test_no_gradient_only_decays(solution, reference):
    """Gradients of exactly 0: the moments stay 0, and the parameter shrinks by 1 - lr * wd."""
    param = np.array([[1.0, -2.0, 0.5], [3.0, -0.25, 1e-3]])
    for weight_decay in (0.3, 1e-2):
        run = Trajectory(solution, reference, FN, param, stable=True, weight_decay=weight_decay)
        for lr in (0.1, 0.5, 0.0, 0.2):
            run.step(np.zeros(param.shape), lr=lr, floor=0.0, hint=note("no_gradient"))


def test_weight_decay_zero(solution, reference):
    shape = (5,)
    rng = np.random.default_rng(8)
    run = Trajectory(solution, reference, FN, rng.standard_normal(shape), weight_decay=0.0)
    for g, lr in zip(gradients(shape, 4, 9), LRS[:4], strict=True):
        run.step(g, lr=lr, hint=note("weight_decay_zero"))


AMSGRAD = {
    "default_betas": {},
    "betas_05_09": {"betas": (0.5, 0.9)},
    "betas_0_099_weight_decay": {"betas": (0.0, 0.99), "weight_decay": 0.5},
}


@pytest.mark.parametrize("name", list(AMSGRAD))
def test_amsgrad(solution, reference, name):
    shape = (4, 3)
    rng = np.random.default_rng(len(name))
    run = Trajectory(
        solution, reference, FN, rng.standard_normal(shape), amsgrad=True, **AMSGRAD[name]
    )
    # gradients that first grow and then shrink: the running maximum of v stays above v
    scales = [1.0, 3.0, 0.5, 0.2, 0.1, 0.05, 1.0, 0.02]
    for g, lr in zip(gradients(shape, 8, 9, scales=scales), LRS, strict=True):
        run.step(g, lr=lr, hint=note("amsgrad"))


def test_lr_changes_between_calls(solution, reference):
    """The same gradients under two schedules: the state must not remember any lr."""
    shape = (6,)
    grads = gradients(shape, 6, 21)
    param = np.random.default_rng(20).standard_normal(shape)
    for lrs in ([0.1, 0.1, 1e-3, 1e-3, 0.5, 0.5], [1e-3, 0.3, 0.0, 0.0, 0.05, 1.0]):
        run = Trajectory(solution, reference, FN, param, weight_decay=0.2)
        for g, lr in zip(grads, lrs, strict=True):
            run.step(g, lr=lr, hint=note("lr_schedule"))


def test_lr_zero(solution, reference):
    param = np.array([[1.5, -2.0, 0.0], [0.25, 3.0, -1e-9]])
    grad = np.array([[0.3, 0.0, -1e-9], [2.0, -0.5, 1.0]])
    got, _ = solution.adamw_step(param, grad, None, lr=0.0, weight_decay=0.5)
    expect_array(got, param.shape, function=FN, what=note("new_param", t=1))
    assert_close(
        got,
        param,
        what=note("new_param", t=1),
        function=FN,
        hint=note("lr_zero"),
        rtol=0.0,
        floor=0.0,
    )
    # and the state still advanced: the next call is call 2
    run = Trajectory(solution, reference, FN, param, weight_decay=0.5)
    run.step(grad, lr=0.0, hint=note("lr_zero"))
    run.step(-grad, lr=0.1, hint=note("lr_zero"))


def test_zero_and_tiny_gradients(solution, reference):
    """Stable (no warnings) and exact in every entry, where eps matters."""
    param = np.array([0.5, -1.0, 2.0, 0.0, 1e-3, -0.75])
    grads = [
        np.zeros(6),
        np.array([0.0, 1e-9, -1e-9, 0.0, 3e-10, 1e-12]),
        np.array([0.0, 2e-9, 1e-9, 0.0, -1e-9, 0.0]),
        np.array([0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
        np.array([0.0, -1e-9, 5e-9, 0.0, 1e-8, -2e-9]),
    ]
    for hyper in ({}, {"amsgrad": True, "weight_decay": 0.5}):
        run = Trajectory(solution, reference, FN, param, stable=True, **hyper)
        for g, lr in zip(grads, LRS, strict=False):
            run.step(g, lr=lr, floor=0.0, hint=note("tiny_gradients"))


def test_empty_parameter(solution, reference):
    for shape in [(0,), (2, 0)]:
        run = Trajectory(solution, reference, FN, np.zeros(shape), amsgrad=True)
        for lr in (0.1, 0.01):
            run.step(np.zeros(shape), lr=lr, hint=note("empty"))


def test_independent_trajectories(solution, reference):
    """Two trajectories interleaved, then a third that starts afresh from state=None."""
    rng = np.random.default_rng(33)
    a = Trajectory(solution, reference, FN, rng.standard_normal((3,)), betas=(0.8, 0.99))
    b = Trajectory(solution, reference, FN, rng.standard_normal((2, 2)), betas=(0.8, 0.99))
    grads_a, grads_b = gradients((3,), 4, 34), gradients((2, 2), 4, 35)
    for k in range(4):
        a.step(grads_a[k], lr=LRS[k], hint=note("independent"))
        b.step(grads_b[k], lr=LRS[k + 1], hint=note("independent"))
    c = Trajectory(solution, reference, FN, rng.standard_normal((3,)), betas=(0.8, 0.99))
    for g in grads_a[:2]:
        c.step(g, lr=0.1, hint=note("independent"))


BOUNDARIES = {
    "betas_0_0": {"betas": (0.0, 0.0)},
    "weight_decay_10": {"weight_decay": 10.0},
    "eps_0": {"eps": 0.0},
    "betas_near_1": {"betas": (0.999999, 0.999999)},
}


@pytest.mark.parametrize("name", list(BOUNDARIES))
def test_boundary_hyperparameters(solution, reference, name):
    rng = np.random.default_rng(len(name))
    run = Trajectory(solution, reference, FN, rng.standard_normal(5), **BOUNDARIES[name])
    for k in range(4):
        g = rng.standard_normal(5) * (1 if k % 2 else 1e-3)
        run.step(g, lr=LRS[k + 4], hint=note("boundary"))


def _mid_trajectory_state(solution):
    _, state = solution.adamw_step(np.array([1.0, -1.0]), np.array([0.5, 0.25]), None, lr=0.1)
    _, state = solution.adamw_step(np.array([0.9, -0.9]), np.array([0.5, 0.25]), state, lr=0.1)
    return state


def _expect_error(solution, because, **hyper):
    param, grad = np.array([1.0, -1.0]), np.array([0.5, 0.25])
    expect_value_error(solution, FN, param, grad, None, because=because, **hyper)
    # on every call, not only the first one of a trajectory
    expect_value_error(
        solution, FN, param, grad, _mid_trajectory_state(solution), because=because, **hyper
    )


@pytest.mark.parametrize("lr", [-1e-3, -1.0])
def test_error_lr(solution, lr):
    _expect_error(solution, note("negative", name="lr", value=lr), lr=lr)


def test_error_eps(solution):
    _expect_error(solution, note("negative", name="eps", value=-1e-8), eps=-1e-8)


@pytest.mark.parametrize("weight_decay", [-0.01, -1.0])
def test_error_weight_decay(solution, weight_decay):
    _expect_error(
        solution,
        note("negative", name="weight_decay", value=weight_decay),
        weight_decay=weight_decay,
    )


@pytest.mark.parametrize("betas", [(-0.1, 0.999), (1.0, 0.999), (1.5, 0.999)])
def test_error_beta1(solution, betas):
    _expect_error(solution, note("beta_range", index=0, value=betas[0]), betas=betas)


@pytest.mark.parametrize("betas", [(0.9, -0.5), (0.9, 1.0), (0.9, 2.0)])
def test_error_beta2(solution, betas):
    _expect_error(solution, note("beta_range", index=1, value=betas[1]), betas=betas)
