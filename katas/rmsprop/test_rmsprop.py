"""Hidden tests for `rmsprop`: whole trajectories of torch.optim.RMSprop steps, state carried
from call to call, `lr` changed between calls as a scheduler would, the error rules."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import assert_close, expect_value_error, fail, note

FN = "rmsprop_step"

# lr of each call, as a scheduler would set it: warmup, decay, a step with lr = 0 (the state
# must still advance), and back up
LRS = [0.01, 0.05, 0.2, 0.1, 0.0, 0.03, 0.5, 0.002]

CONFIGS = {
    "plain": {},
    "centered": {"centered": True},
    "momentum": {"momentum": 0.9},
    "weight_decay": {"weight_decay": 0.1},
    "alpha_eps": {"alpha": 0.9, "eps": 1e-6},
    "alpha_zero": {"alpha": 0.0, "momentum": 0.5},
    "centered_momentum": {"centered": True, "momentum": 0.8, "alpha": 0.95},
    "everything": {"centered": True, "momentum": 0.6, "weight_decay": 0.05, "alpha": 0.8},
    "momentum_decay": {"momentum": 0.95, "weight_decay": 0.3, "eps": 1e-4},
}

SHAPES = {"plain": (3, 4), "centered": (7,), "momentum": (2, 1, 3), "weight_decay": (1,)}


def gradients(shape, steps, seed, *, scale=1.0):
    """`steps` gradients of `shape`: normal entries, with exact zeros (a parameter that gets no
    gradient, in every step or in some) and entries near 1e-9, where eps matters."""
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    never = rng.random(size) < 0.2
    never[0] = True
    tiny = ~never & (rng.random(size) < 0.35)
    if size > 1:
        never[1], tiny[1] = False, True
    grads = []
    for _ in range(steps):
        g = rng.standard_normal(size) * scale
        g[tiny] = rng.choice([-1.0, 1.0], int(tiny.sum())) * rng.uniform(0.5, 3.0, int(tiny.sum()))
        g[tiny] *= 1e-9
        g[rng.random(size) < 0.1] = 0.0  # sometimes no gradient
        g[never] = 0.0
        grads.append(g.reshape(shape))
    return grads


def run(impl, params, grads, lrs, *, state=None, **kwargs):
    """Calls `rmsprop_step` along a trajectory; returns the new parameters and the last state."""
    out = []
    for p, g, lr in zip(params, grads, lrs, strict=True):
        new, state = impl.rmsprop_step(p, g, state, lr=lr, **kwargs)
        out.append(new)
    return out, state


def check_trajectory(solution, reference, param, grads, lrs, hint, *, stable=False, **kwargs):
    """Each call gets the reference's current parameter (so one wrong step does not spoil the
    next), the learner's own state; the step taken and the new parameter are compared."""
    impl = solution.stable if stable else solution
    sol_state = ref_state = None
    for t, (g, lr) in enumerate(zip(grads, lrs, strict=True), start=1):
        result = impl.call(FN, param, g, sol_state, lr=lr, **kwargs)
        expected, ref_state = reference.call(FN, param, g, ref_state, lr=lr, **kwargs)
        if not isinstance(result, tuple) or len(result) != 2:
            fail(note("returns_pair"), function=FN, hint=note("returns_pair_hint"))
        got, sol_state = result
        call = note("call", t=t, args=_args_text(lr, kwargs))
        inputs = {"param": param, "grad": g}
        if isinstance(got, np.ndarray) and got.shape == param.shape and got.dtype == np.float64:
            assert_close(
                got - param,
                expected - param,
                what=note("step_taken", call=call),
                function=FN,
                inputs=inputs,
                hint=hint,
            )
        assert_close(
            got,
            expected,
            what=note("new_param", call=call),
            function=FN,
            inputs=inputs,
            hint=hint,
        )
        param = expected


def _args_text(lr, kwargs):
    return ", ".join(f"{k}={v!r}" for k, v in {"lr": lr, **kwargs}.items())


@pytest.mark.parametrize("name", list(CONFIGS))
def test_trajectory(solution, reference, name):
    kwargs = CONFIGS[name]
    shape = SHAPES.get(name, (2, 5))
    seed = sorted(CONFIGS).index(name)
    param = np.random.default_rng(100 + seed).standard_normal(shape)
    grads = gradients(shape, len(LRS), seed)
    check_trajectory(solution, reference, param, grads, LRS, note("trajectory", name), **kwargs)


def test_defaults(solution, reference):
    """No hyper-parameter given: lr=1e-2, alpha=0.99, eps=1e-8, no decay, momentum or centring."""
    shape = (4, 3)
    param = np.random.default_rng(7).standard_normal(shape)
    grads = gradients(shape, 5, 7)
    sol_state = ref_state = None
    for t, g in enumerate(grads, start=1):
        got, sol_state = solution.rmsprop_step(param, g, sol_state)
        expected, ref_state = reference.rmsprop_step(param, g, ref_state)
        assert_close(
            got - param,
            expected - param,
            what=note("step_taken", call=note("call_defaults", t=t)),
            function=FN,
            hint=note("defaults"),
        )
        param = expected


@pytest.mark.parametrize("name", ["plain", "momentum", "everything"])
def test_constant_lr_long(solution, reference, name):
    """Twenty calls at a fixed lr, with gradients of very different sizes per entry."""
    kwargs = CONFIGS[name]
    shape = (6,)
    param = np.random.default_rng(21).standard_normal(shape)
    grads = [g * np.array([1e3, 1.0, 1e-3, 1.0, 1e-6, 1.0]) for g in gradients(shape, 20, 21)]
    check_trajectory(
        solution, reference, param, grads, [0.01] * 20, note("trajectory", name), **kwargs
    )


@pytest.mark.parametrize("name", ["plain", "momentum", "centered_momentum"])
def test_lr_zero_keeps_param(solution, name):
    """lr = 0 returns param unchanged, whatever the state holds."""
    kwargs = CONFIGS[name]
    param = np.random.default_rng(3).standard_normal((2, 3))
    grads = gradients((2, 3), 3, 3)
    state = None
    for t, (g, lr) in enumerate(zip(grads, [0.1, 0.0, 0.0]), start=1):
        new, state = solution.rmsprop_step(param, g, state, lr=lr, **kwargs)
        if lr == 0.0 and not np.array_equal(new, param):
            fail(
                note("lr_zero_moved", call=note("call", t=t, args=_args_text(lr, kwargs))),
                function=FN,
                hint=note("lr_zero"),
            )
        param = new


def test_state_advances_at_lr_zero(solution, reference):
    """Steps taken at lr = 0 still update the running averages and the buffer."""
    param = np.array([0.5, -1.0, 2.0])
    grads = [np.array([1.0, -2.0, 0.5]), np.array([3.0, 0.0, -1.0]), np.array([0.2, 1.0, 1e-9])]
    check_trajectory(
        solution,
        reference,
        param,
        grads,
        [0.0, 0.0, 0.1],
        note("state_at_lr_zero"),
        momentum=0.9,
        centered=True,
    )


def test_independent_trajectories(solution, reference):
    """Two trajectories interleaved call by call: each state is its own (nothing global)."""
    shape = (5,)
    kw_a, kw_b = {"momentum": 0.9}, {"momentum": 0.9, "centered": True}
    pa = np.random.default_rng(1).standard_normal(shape)
    pb = np.random.default_rng(2).standard_normal(shape)
    ga, gb = gradients(shape, 4, 11), gradients(shape, 4, 12, scale=10.0)
    sa = sb = ra = rb = None
    for t in range(4):
        lr = LRS[t]
        new_a, sa = solution.rmsprop_step(pa, ga[t], sa, lr=lr, **kw_a)
        new_b, sb = solution.rmsprop_step(pb, gb[t], sb, lr=lr, **kw_b)
        exp_a, ra = reference.rmsprop_step(pa, ga[t], ra, lr=lr, **kw_a)
        exp_b, rb = reference.rmsprop_step(pb, gb[t], rb, lr=lr, **kw_b)
        for got, expected, which in ((new_a, exp_a, "A"), (new_b, exp_b, "B")):
            assert_close(
                got,
                expected,
                what=note("interleaved", which=which, t=t + 1),
                function=FN,
                hint=note("own_state"),
            )
        pa, pb = exp_a, exp_b


@pytest.mark.parametrize("name", ["plain", "centered_momentum", "everything"])
def test_stable_zero_and_tiny_gradients(solution, reference, name):
    """Gradients that are exactly 0 or about 1e-9 (and one of 1e4): no warning, eps decides."""
    kwargs = CONFIGS[name]
    param = np.array([1.0, -2.0, 0.5, 0.0, 3.0])
    grads = [
        np.array([0.0, 1e-9, -1e-9, 0.0, 1e4]),
        np.array([0.0, 2e-9, 0.0, 0.0, -1e4]),
        np.array([0.0, -1e-9, 3e-9, 0.0, 0.5]),
        np.array([0.0, 1e-9, 1e-9, 0.0, 0.0]),
    ]
    check_trajectory(
        solution,
        reference,
        param,
        grads,
        [0.1, 0.05, 0.1, 0.2],
        note("tiny", name),
        stable=True,
        **kwargs,
    )


def test_boundary_values(solution, reference):
    """Values torch accepts: eps = 0 (non-zero gradients), alpha = 1 (no averaging), alpha > 1."""
    param = np.array([[0.3, -0.7], [1.5, 2.0]])
    grads = [np.array([[0.5, -1.0], [2.0, 0.25]]), np.array([[1.0, 1.0], [-0.5, 3.0]])]
    check_trajectory(solution, reference, param, grads, [0.1, 0.05], note("boundary"), eps=0.0)
    check_trajectory(solution, reference, param, grads, [1e-9, 2e-9], note("boundary"), alpha=1.0)
    zeros = [np.zeros_like(param)] * 2
    check_trajectory(solution, reference, param, zeros, [0.1, 0.1], note("boundary"), alpha=1.5)


@pytest.mark.parametrize("shape", [(0,), (0, 3)])
def test_empty_param(solution, reference, shape):
    """A parameter with no entries is valid (torch steps it): an empty array of its shape back."""
    grads = [np.zeros(shape)] * 3
    check_trajectory(
        solution,
        reference,
        np.zeros(shape),
        grads,
        [0.1, 0.0, 0.2],
        note("empty"),
        momentum=0.9,
        centered=True,
        weight_decay=0.1,
    )


BAD = [("lr", -0.01), ("alpha", -0.5), ("eps", -1e-8), ("momentum", -0.9), ("weight_decay", -1e-4)]


@pytest.mark.parametrize(("name", "value"), BAD, ids=[b[0] for b in BAD])
def test_negative_hyperparameter(solution, name, value):
    """ValueError for a negative lr, alpha, eps, momentum or weight_decay, on the first call."""
    param, grad = np.ones(3), np.array([0.5, -0.5, 0.0])
    kwargs = {"lr": 0.01, name: value}
    expect_value_error(
        solution, FN, param, grad, None, because=note("negative", name=name, value=value), **kwargs
    )


@pytest.mark.parametrize(("name", "value"), BAD, ids=[b[0] for b in BAD])
def test_negative_hyperparameter_later_call(solution, name, value):
    """The same ValueError on a later call, when a valid state is passed in."""
    param, grad = np.ones(3), np.array([0.5, -0.5, 0.0])
    _, state = solution.rmsprop_step(param, grad, None, lr=0.01, momentum=0.5)
    kwargs = {"lr": 0.01, "momentum": 0.5, name: value}
    expect_value_error(
        solution,
        FN,
        param,
        grad,
        state,
        because=note("negative_later", name=name, value=value),
        **kwargs,
    )
