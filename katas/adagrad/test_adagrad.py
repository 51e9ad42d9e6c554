"""Hidden tests for `adagrad`: whole trajectories of `adagrad_step` against the reference (the
state carried call to call as an opaque handle, `lr` changed between calls as a scheduler would,
gradients with exact zeros and tiny entries, where `eps` matters), boundary values torch accepts,
error rules on the first call and on later ones."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import assert_close, expect_value_error, note
from dlkata.judge.compare import expect_tuple

FN = "adagrad_step"
# a scheduler's learning rates: up, down, tiny, back up
LRS = [0.1, 0.05, 0.2, 0.01, 0.15, 0.03, 0.08, 0.12]


def gradients(seed: int, shape: tuple[int, ...], steps: int, *, zeros: bool = True):
    """Normal gradients with an exact zero and a tiny (1e-9) entry that move from call to call,
    and (with `zeros`) a last entry that never gets any gradient."""
    rng = np.random.default_rng(seed)
    grads = []
    for t in range(steps):
        g = rng.standard_normal(shape)
        flat = g.reshape(-1)
        if flat.size >= 3:
            flat[(t + 1) % (flat.size - 1)] *= 1e-9
            if zeros:
                flat[t % (flat.size - 1)] = 0.0
                flat[-1] = 0.0
        grads.append(g)
    return grads


def start(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return np.random.default_rng(seed + 1000).standard_normal(shape)


def trajectory(solution, reference, param, grads, lrs, *, hint, floor=None, **hyper):
    """Every call of one trajectory against the reference, the learner's state passed back.
    `lrs=None` leaves `lr` at its default."""
    state, expected_state = None, None
    extra = {} if floor is None else {"floor": floor}
    for call, grad in enumerate(grads, start=1):
        rate = {} if lrs is None else {"lr": lrs[call - 1]}
        got = solution.stable.adagrad_step(param, grad, state, **rate, **hyper)
        expect_tuple(got, 2, FN)
        new_param, state = got
        expected, expected_state = reference.adagrad_step(
            param, grad, expected_state, **rate, **hyper
        )
        assert_close(
            new_param,
            expected,
            what=note("after_call", call=call, lr=rate.get("lr", 1e-2)),
            function=FN,
            inputs={"param": param, "grad": grad, **rate, **hyper},
            hint=hint,
            **extra,
        )
        param = expected


def test_defaults(solution, reference):
    shape = (3, 4)
    trajectory(
        solution, reference, start(1, shape), gradients(1, shape, 5), None, hint=note("defaults")
    )


@pytest.mark.parametrize("shape", [(6,), (3, 4)], ids=str)
def test_scheduled_lr(solution, reference, shape):
    trajectory(solution, reference, start(2, shape), gradients(2, shape, 8), LRS, hint=note("sum"))


@pytest.mark.parametrize("lr_decay", [0.1, 0.5, 2.0])
def test_lr_decay(solution, reference, lr_decay):
    shape = (2, 3)
    trajectory(
        solution,
        reference,
        start(3, shape),
        gradients(3, shape, 6),
        LRS[:6],
        hint=note("lr_decay"),
        lr_decay=lr_decay,
    )


@pytest.mark.parametrize("value", [0.1, 1.0, 1e-12])
def test_initial_accumulator_value(solution, reference, value):
    shape = (5,)
    trajectory(
        solution,
        reference,
        start(4, shape),
        gradients(4, shape, 5),
        LRS[:5],
        hint=note("initial_accumulator_value"),
        initial_accumulator_value=value,
    )


@pytest.mark.parametrize(
    ("weight_decay", "lr_decay"), [(0.1, 0.0), (0.01, 0.2), (1.0, 0.0)], ids=str
)
def test_weight_decay(solution, reference, weight_decay, lr_decay):
    shape = (4, 2)
    trajectory(
        solution,
        reference,
        start(5, shape),
        gradients(5, shape, 6),
        LRS[:6],
        hint=note("weight_decay"),
        weight_decay=weight_decay,
        lr_decay=lr_decay,
    )


@pytest.mark.parametrize(
    ("eps", "initial_accumulator_value", "zeros"),
    [(0.0, 0.5, True), (0.0, 0.0, False), (1e-3, 0.0, True), (0.5, 0.0, True)],
    ids=["eps0-acc", "eps0-nonzero", "eps1e-3", "eps0.5"],
)
def test_eps(solution, reference, eps, initial_accumulator_value, zeros):
    """eps = 0 only where no 0 / 0 can happen (torch gives NaN there too)."""
    shape = (3, 3)
    trajectory(
        solution,
        reference,
        start(6, shape),
        gradients(6, shape, 5, zeros=zeros),
        LRS[:5],
        hint=note("eps"),
        eps=eps,
        initial_accumulator_value=initial_accumulator_value,
    )


@pytest.mark.parametrize("weight_decay", [0.0, 0.1])
def test_tiny_and_zero_gradients(solution, reference, weight_decay):
    """Gradients of 1e-9 and exact zeros (one whole gradient is zero) with the default eps: every
    element is held to its own size. eps inside the square root changes them completely."""
    shape = (2, 4)
    tiny = [g * 1e-9 for g in gradients(7, shape, 5)]
    tiny[2] = np.zeros(shape)
    param = np.zeros(shape) if weight_decay == 0 else start(7, shape) * 1e-9
    trajectory(
        solution,
        reference,
        param,
        tiny,
        LRS[:5],
        hint=note("tiny"),
        floor=0.0,
        weight_decay=weight_decay,
    )


def test_tiny_gradients_move_the_parameter(solution, reference):
    """Unit parameters, gradients of 1e-9 and 1e-12 on some elements: a gradient well above eps
    moves its element by about lr whatever its scale; below eps, eps damps the step."""
    shape = (6,)
    grads = gradients(8, shape, 4)
    for g in grads:
        g[:2] *= 1e-9
        g[2:4] *= 1e-12
    trajectory(solution, reference, np.ones(shape), grads, LRS[:4], hint=note("tiny"), lr_decay=0.1)


def test_lr_zero(solution, reference):
    shape = (3, 2)
    trajectory(
        solution,
        reference,
        start(9, shape),
        gradients(9, shape, 6),
        [0.0, 0.1, 0.0, 0.0, 0.05, 0.1],
        hint=note("lr_zero"),
        lr_decay=0.3,
    )


@pytest.mark.parametrize("shape", [(), (1,), (2, 1, 3), (0,), (2, 0)], ids=str)
def test_any_shape(solution, reference, shape):
    trajectory(
        solution,
        reference,
        start(10, shape),
        gradients(10, shape, 4),
        LRS[:4],
        hint=note("any_shape"),
        lr_decay=0.1,
        weight_decay=0.01,
        initial_accumulator_value=0.1,
    )


def test_independent_trajectories(solution, reference):
    """Two trajectories of the same shape, their calls interleaved."""
    shape = (3, 2)
    params = [start(11, shape), start(12, shape)]
    grads = [gradients(11, shape, 4), gradients(12, shape, 4)]
    states: list = [None, None]
    expected_states: list = [None, None]
    kwargs = {"lr_decay": 0.2}
    for call in range(4):
        for which in range(2):
            lr = LRS[call + which]
            grad = grads[which][call]
            got = solution.adagrad_step(params[which], grad, states[which], lr=lr, **kwargs)
            expect_tuple(got, 2, FN)
            new_param, states[which] = got
            expected, expected_states[which] = reference.adagrad_step(
                params[which], grad, expected_states[which], lr=lr, **kwargs
            )
            assert_close(
                new_param,
                expected,
                what=note("after_call_of", call=call + 1, lr=lr, trajectory=which + 1),
                function=FN,
                inputs={"param": params[which], "grad": grad, "lr": lr, **kwargs},
                hint=note("independent"),
            )
            params[which] = expected


# -- error rules: each on the first call and on a later call ---------------------------------

INVALID = [
    ("lr", -0.01),
    ("lr", -1e-12),
    ("lr_decay", -0.1),
    ("lr_decay", -1e-9),
    ("weight_decay", -1e-4),
    ("weight_decay", -0.5),
    ("initial_accumulator_value", -0.1),
    ("initial_accumulator_value", -1e-12),
    ("eps", -1e-10),
    ("eps", -1e-3),
]
INVALID_IDS = [f"{name}={value}" for name, value in INVALID]


@pytest.mark.parametrize(("name", "value"), INVALID, ids=INVALID_IDS)
def test_error_on_first_call(solution, name, value):
    param, grad = start(13, (2, 3)), gradients(13, (2, 3), 1, zeros=False)[0]
    expect_value_error(
        solution,
        FN,
        param,
        grad,
        None,
        because=note("negative", name=name, value=value, call=1),
        **{name: value},
    )


@pytest.mark.parametrize(("name", "value"), INVALID, ids=INVALID_IDS)
def test_error_on_a_later_call(solution, name, value):
    """Two valid calls (the same trajectory), then the invalid one."""
    shape = (2, 3)
    param, grads = start(14, shape), gradients(14, shape, 3, zeros=False)
    state = None
    for call in range(2):
        result = solution.adagrad_step(param, grads[call], state, lr=LRS[call])
        expect_tuple(result, 2, FN)
        param, state = result
    expect_value_error(
        solution,
        FN,
        param,
        grads[2],
        state,
        because=note("negative", name=name, value=value, call=3),
        **{name: value},
    )
