"""Hidden tests for `sgd_momentum`: whole trajectories of `sgd_step` against the reference (the
state carried call to call as an opaque handle, `lr` changed between calls as a scheduler would,
gradients with exact zeros and tiny entries), boundary values torch accepts, error rules on the
first call and on later ones."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import assert_close, expect_value_error, note
from dlkata.judge.compare import expect_tuple

FN = "sgd_step"
# a scheduler's learning rates: up, down, tiny, back up
LRS = [0.1, 0.05, 0.2, 0.01, 0.15, 0.03, 0.08]


def gradients(seed: int, shape: tuple[int, ...], steps: int) -> list[np.ndarray]:
    """Normal gradients with an exact zero and a tiny (1e-9) entry that move from call to call,
    and a last entry that never gets any gradient."""
    rng = np.random.default_rng(seed)
    grads = []
    for t in range(steps):
        g = rng.standard_normal(shape)
        flat = g.reshape(-1)
        if flat.size >= 3:
            flat[t % (flat.size - 1)] = 0.0
            flat[(t + 1) % (flat.size - 1)] *= 1e-9
            flat[-1] = 0.0
        grads.append(g)
    return grads


def start(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return np.random.default_rng(seed + 1000).standard_normal(shape)


def trajectory(solution, reference, param, grads, lrs, *, hint, floor=None, **hyper):
    """Every call of one trajectory against the reference, the learner's state passed back."""
    state, expected_state = None, None
    extra = {} if floor is None else {"floor": floor}
    for call, (grad, lr) in enumerate(zip(grads, lrs, strict=True), start=1):
        got = solution.stable.sgd_step(param, grad, state, lr=lr, **hyper)
        expect_tuple(got, 2, FN)
        new_param, state = got
        expected, expected_state = reference.sgd_step(param, grad, expected_state, lr=lr, **hyper)
        assert_close(
            new_param,
            expected,
            what=note("after_call", call=call, lr=lr),
            function=FN,
            inputs={"param": param, "grad": grad, "lr": lr, **hyper},
            hint=hint,
            **extra,
        )
        param = expected


SHAPES = [(5,), (3, 4)]


@pytest.mark.parametrize("shape", SHAPES)
def test_plain_sgd(solution, reference, shape):
    trajectory(
        solution, reference, start(1, shape), gradients(1, shape, 5), LRS[:5], hint=note("plain")
    )


@pytest.mark.parametrize("weight_decay", [0.0, 0.05])
def test_plain_sgd_ignores_dampening(solution, reference, weight_decay):
    shape = (2, 3)
    trajectory(
        solution,
        reference,
        start(2, shape),
        gradients(2, shape, 5),
        LRS[:5],
        hint=note("plain"),
        dampening=0.5,
        weight_decay=weight_decay,
    )


@pytest.mark.parametrize("momentum", [0.9, 0.5, 0.99])
def test_momentum(solution, reference, momentum):
    shape = (4, 3)
    trajectory(
        solution,
        reference,
        start(3, shape),
        gradients(3, shape, 7),
        LRS,
        hint=note("momentum"),
        momentum=momentum,
    )


@pytest.mark.parametrize(("momentum", "dampening"), [(0.9, 0.1), (0.9, 0.5), (0.5, 0.9)])
def test_momentum_dampening(solution, reference, momentum, dampening):
    shape = (6,)
    trajectory(
        solution,
        reference,
        start(4, shape),
        gradients(4, shape, 6),
        LRS[:6],
        hint=note("dampening"),
        momentum=momentum,
        dampening=dampening,
    )


@pytest.mark.parametrize(("momentum", "weight_decay"), [(0.9, 0.0), (0.9, 0.01), (0.5, 0.1)])
def test_nesterov(solution, reference, momentum, weight_decay):
    shape = (3, 3)
    trajectory(
        solution,
        reference,
        start(5, shape),
        gradients(5, shape, 6),
        LRS[:6],
        hint=note("nesterov"),
        momentum=momentum,
        nesterov=True,
        weight_decay=weight_decay,
    )


@pytest.mark.parametrize(
    ("momentum", "dampening", "weight_decay"),
    [(0.0, 0.0, 0.1), (0.9, 0.0, 0.01), (0.9, 0.3, 0.1), (0.5, 0.0, 1.0)],
)
def test_weight_decay(solution, reference, momentum, dampening, weight_decay):
    shape = (5, 2)
    trajectory(
        solution,
        reference,
        start(6, shape),
        gradients(6, shape, 6),
        LRS[:6],
        hint=note("weight_decay"),
        momentum=momentum,
        dampening=dampening,
        weight_decay=weight_decay,
    )


@pytest.mark.parametrize("dampening", [1.0, 1.5, -0.5])
def test_dampening_is_not_checked(solution, reference, dampening):
    shape = (4,)
    trajectory(
        solution,
        reference,
        start(7, shape),
        gradients(7, shape, 4),
        LRS[:4],
        hint=note("dampening_not_checked", dampening=dampening),
        momentum=0.8,
        dampening=dampening,
    )


@pytest.mark.parametrize(
    ("momentum", "nesterov"), [(0.0, False), (0.9, False), (0.9, True)], ids=["plain", "m", "nag"]
)
def test_lr_zero(solution, reference, momentum, nesterov):
    shape = (3, 2)
    trajectory(
        solution,
        reference,
        start(8, shape),
        gradients(8, shape, 5),
        [0.0, 0.1, 0.0, 0.0, 0.05],
        hint=note("lr_zero"),
        momentum=momentum,
        nesterov=nesterov,
    )


@pytest.mark.parametrize("shape", [(), (1,), (2, 1, 3), (0,), (2, 0)], ids=str)
def test_any_shape(solution, reference, shape):
    trajectory(
        solution,
        reference,
        start(9, shape),
        gradients(9, shape, 4),
        LRS[:4],
        hint=note("any_shape"),
        momentum=0.9,
        dampening=0.2,
        weight_decay=0.01,
    )


def test_independent_trajectories(solution, reference):
    """Two trajectories of the same shape, their calls interleaved."""
    shape = (3, 2)
    params = [start(10, shape), start(11, shape)]
    grads = [gradients(10, shape, 4), gradients(11, shape, 4)]
    states: list = [None, None]
    expected_states: list = [None, None]
    kwargs = {"momentum": 0.9, "dampening": 0.1}
    for call in range(4):
        for which in range(2):
            lr = LRS[call + which]
            grad = grads[which][call]
            got = solution.sgd_step(params[which], grad, states[which], lr=lr, **kwargs)
            expect_tuple(got, 2, FN)
            new_param, states[which] = got
            expected, expected_states[which] = reference.sgd_step(
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


@pytest.mark.parametrize(
    ("momentum", "nesterov"), [(0.0, False), (0.9, False), (0.9, True)], ids=["plain", "m", "nag"]
)
def test_tiny_and_zero_gradients(solution, reference, momentum, nesterov):
    """Parameters at 0, gradients of 1e-9 and 0 (one whole gradient is zero): every element is
    held to its own size."""
    shape = (2, 4)
    tiny = [g * 1e-9 for g in gradients(12, shape, 5)]
    tiny[2] = np.zeros(shape)
    trajectory(
        solution,
        reference,
        np.zeros(shape),
        tiny,
        LRS[:5],
        hint=note("tiny"),
        floor=0.0,
        momentum=momentum,
        nesterov=nesterov,
    )


# -- error rules: each on the first call and on a later call ---------------------------------

INVALID = [
    ("lr_negative", {"lr": -0.01, "momentum": 0.9}),
    ("lr_negative", {"lr": -1e-8}),
    ("momentum_negative", {"lr": 0.1, "momentum": -0.5}),
    ("momentum_negative", {"lr": 0.1, "momentum": -1e-3, "dampening": 0.2}),
    ("weight_decay_negative", {"lr": 0.1, "weight_decay": -1e-4}),
    ("weight_decay_negative", {"lr": 0.1, "momentum": 0.9, "weight_decay": -0.5}),
    ("nesterov_momentum", {"lr": 0.1, "nesterov": True}),
    ("nesterov_momentum", {"lr": 0.1, "momentum": -0.0, "nesterov": True}),
    ("nesterov_dampening", {"lr": 0.1, "momentum": 0.9, "dampening": 0.1, "nesterov": True}),
    ("nesterov_dampening", {"lr": 0.1, "momentum": 0.5, "dampening": -0.2, "nesterov": True}),
]
INVALID_IDS = [f"{rule}-{i % 2}" for i, (rule, _) in enumerate(INVALID)]


FIELD = {
    "lr_negative": "lr",
    "momentum_negative": "momentum",
    "weight_decay_negative": "weight_decay",
    "nesterov_momentum": "momentum",
    "nesterov_dampening": "dampening",
}


def _because(rule: str, kwargs: dict, call: int) -> str:
    field = FIELD[rule]
    return note(rule, call=call, **{field: kwargs.get(field, 0.0)})


@pytest.mark.parametrize(("rule", "kwargs"), INVALID, ids=INVALID_IDS)
def test_error_on_first_call(solution, rule, kwargs):
    param, grad = start(13, (2, 3)), gradients(13, (2, 3), 1)[0]
    expect_value_error(solution, FN, param, grad, None, because=_because(rule, kwargs, 1), **kwargs)


@pytest.mark.parametrize(("rule", "kwargs"), INVALID, ids=INVALID_IDS)
def test_error_on_a_later_call(solution, rule, kwargs):
    """Two valid calls (the same trajectory, valid hyper-parameters), then the invalid one."""
    shape = (2, 3)
    param, grads = start(14, shape), gradients(14, shape, 3)
    valid = {"momentum": 0.9} if kwargs.get("momentum", 0.0) != 0.0 else {}
    state = None
    for call in range(2):
        result = solution.sgd_step(param, grads[call], state, lr=LRS[call], **valid)
        expect_tuple(result, 2, FN)
        param, state = result
    expect_value_error(
        solution, FN, param, grads[2], state, because=_because(rule, kwargs, 3), **kwargs
    )
