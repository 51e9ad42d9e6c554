"""Hidden tests for `lr_schedules`: every schedule step by step, the boundaries, error rules."""

from __future__ import annotations

import pytest

from dlkata.judge import check_curve, expect_value_error, fail, note


def around(*boundaries, last, extra=()):
    """Steps 0 .. 3, each boundary and its neighbours up to `last`, and the `extra` steps."""
    steps = set(range(4))
    for b in boundaries:
        steps |= {b - 1, b, b + 1}
    return sorted({s for s in steps if 0 <= s <= last} | set(extra))


def check_steps(solution, reference, name, initial_lr, steps, **kwargs):
    """Step by step; a failure draws your schedule against the expected one."""
    calls = [(step, (initial_lr, step), kwargs) for step in steps]
    check_curve(solution, reference, name, calls, hint=note(name))


EXPONENTIAL = [(0.1, 0.5, 3), (1.0, 0.96, 10), (3e-4, 0.1, 1), (0.05, 0.9, 4)]


@pytest.mark.parametrize(("initial_lr", "decay_rate", "decay_steps"), EXPONENTIAL)
def test_exponential_decay_smooth(solution, reference, initial_lr, decay_rate, decay_steps):
    k = decay_steps
    steps = around(k, 2 * k, 3 * k, last=3 * k + 2, extra=(k // 2 + 1, 5 * k + 1))
    check_steps(
        solution,
        reference,
        "exponential_decay",
        initial_lr,
        steps,
        decay_rate=decay_rate,
        decay_steps=decay_steps,
    )


@pytest.mark.parametrize(("initial_lr", "decay_rate", "decay_steps"), EXPONENTIAL)
def test_exponential_decay_staircase(solution, reference, initial_lr, decay_rate, decay_steps):
    k = decay_steps
    steps = around(k, 2 * k, 3 * k, last=3 * k + 2, extra=(k // 2 + 1, 5 * k + 1))
    check_steps(
        solution,
        reference,
        "exponential_decay",
        initial_lr,
        steps,
        decay_rate=decay_rate,
        decay_steps=decay_steps,
        staircase=True,
    )


@pytest.mark.parametrize("staircase", [False, True])
def test_exponential_decay_rate_zero(solution, reference, staircase):
    check_steps(
        solution,
        reference,
        "exponential_decay",
        0.1,
        [0, 1, 2, 3, 4, 7],
        decay_rate=0.0,
        decay_steps=3,
        staircase=staircase,
    )


@pytest.mark.parametrize(
    ("initial_lr", "step_size", "gamma"),
    [(0.1, 3, 0.5), (1.0, 1, 0.9), (0.05, 7, 0.1), (0.2, 2, 0.0)],
)
def test_step_decay(solution, reference, initial_lr, step_size, gamma):
    s = step_size
    check_steps(
        solution,
        reference,
        "step_decay",
        initial_lr,
        around(s, 2 * s, 3 * s, last=3 * s + 2),
        step_size=step_size,
        gamma=gamma,
    )


@pytest.mark.parametrize(("initial_lr", "decay_rate"), [(0.1, 0.5), (1.0, 0.01), (0.2, 0.0)])
def test_inverse_time_decay(solution, reference, initial_lr, decay_rate):
    check_steps(
        solution,
        reference,
        "inverse_time_decay",
        initial_lr,
        [0, 1, 2, 3, 7, 50, 1000],
        decay_rate=decay_rate,
    )


@pytest.mark.parametrize(
    ("initial_lr", "total_steps", "min_lr"),
    [(0.1, 4, 0.01), (1.0, 10, 0.0), (0.5, 1, 0.2), (0.05, 25, 1e-3)],
)
def test_cosine_annealing(solution, reference, initial_lr, total_steps, min_lr):
    t = total_steps
    steps = around(t // 2, t, last=t + 2, extra=(2 * t, 3 * t + 1))
    check_steps(
        solution,
        reference,
        "cosine_annealing",
        initial_lr,
        steps,
        total_steps=total_steps,
        min_lr=min_lr,
    )


def test_cosine_annealing_default_min_lr(solution, reference):
    check_steps(solution, reference, "cosine_annealing", 0.3, [0, 3, 6, 9, 12], total_steps=12)


@pytest.mark.parametrize(("initial_lr", "warmup_steps"), [(0.3, 1), (0.1, 4), (1e-3, 10)])
def test_linear_warmup(solution, reference, initial_lr, warmup_steps):
    w = warmup_steps
    check_steps(
        solution,
        reference,
        "linear_warmup",
        initial_lr,
        around(w // 2, w, last=w + 2, extra=(5 * w,)),
        warmup_steps=warmup_steps,
    )


CALLS = [
    ("exponential_decay", {"decay_rate": 0.5, "decay_steps": 2}),
    ("exponential_decay", {"decay_rate": 0.5, "decay_steps": 2, "staircase": True}),
    ("step_decay", {"step_size": 2, "gamma": 0.5}),
    ("inverse_time_decay", {"decay_rate": 1.0}),
    ("cosine_annealing", {"total_steps": 2}),
    ("linear_warmup", {"warmup_steps": 2}),
]
CALL_IDS = [name + ("_staircase" if kw.get("staircase") else "") for name, kw in CALLS]


@pytest.mark.parametrize(("name", "kwargs"), CALLS, ids=CALL_IDS)
def test_returns_a_float(solution, name, kwargs):
    for step in (0, 3):
        value = solution.call(name, 1.0, step, **kwargs)
        if not isinstance(value, float):
            fail(
                note(
                    "not_a_float",
                    call=f"{name}(1.0, {step}, ...)",
                    type=type(value).__name__,
                    value=repr(value),
                ),
                function=name,
                hint=note("returns_a_float"),
            )


@pytest.mark.parametrize(("name", "kwargs"), CALLS, ids=CALL_IDS)
@pytest.mark.parametrize("step", [-1, -7])
def test_negative_step(solution, name, kwargs, step):
    expect_value_error(
        solution,
        name,
        0.1,
        step,
        because=note("negative_step", step=step),
        **kwargs,
    )


PERIODS = [
    ("exponential_decay", "decay_steps", {"decay_rate": 0.5}),
    ("exponential_decay", "decay_steps", {"decay_rate": 0.5, "staircase": True}),
    ("step_decay", "step_size", {"gamma": 0.5}),
    ("cosine_annealing", "total_steps", {"min_lr": 0.0}),
    ("linear_warmup", "warmup_steps", {}),
]
PERIOD_IDS = [p + ("_staircase" if kw.get("staircase") else "") for _, p, kw in PERIODS]


@pytest.mark.parametrize(("name", "period", "kwargs"), PERIODS, ids=PERIOD_IDS)
@pytest.mark.parametrize("value", [0, -4])
def test_non_positive_period(solution, name, period, kwargs, value):
    expect_value_error(
        solution,
        name,
        0.1,
        5,
        because=note("period_not_positive", period=period, value=value),
        **{period: value},
        **kwargs,
    )
