"""The `lr_schedules` reference against `torch.optim.lr_scheduler` and the plain formulas."""

from __future__ import annotations

import math

import pytest
import torch

from tests.support import load_reference

ref = load_reference("lr_schedules")


def torch_lrs(make_scheduler, initial_lr, steps):
    """The learning rate a torch scheduler gives at steps 0 .. steps - 1."""
    param = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    optimizer = torch.optim.SGD([param], lr=initial_lr)
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return lrs


@pytest.mark.parametrize(
    ("step_size", "gamma", "initial_lr"), [(1, 0.5, 0.1), (3, 0.1, 1.0), (7, 0.9, 0.05)]
)
def test_step_decay_is_steplr(step_size, gamma, initial_lr):
    """step_decay equals StepLR at every step, first decay at step == step_size."""
    steps = 4 * step_size + 3
    theirs = torch_lrs(
        lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=step_size, gamma=gamma),
        initial_lr,
        steps,
    )
    ours = [ref.step_decay(initial_lr, s, step_size=step_size, gamma=gamma) for s in range(steps)]
    assert ours == pytest.approx(theirs, rel=1e-12)
    assert ours[step_size - 1] == initial_lr and ours[step_size] == pytest.approx(
        initial_lr * gamma
    )


@pytest.mark.parametrize(("decay_rate", "initial_lr"), [(0.9, 0.1), (0.5, 1.0), (0.99, 3e-4)])
def test_exponential_decay_per_step_is_exponentiallr(decay_rate, initial_lr):
    """With decay_steps=1, exponential_decay equals ExponentialLR(gamma=decay_rate)."""
    theirs = torch_lrs(
        lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=decay_rate), initial_lr, 30
    )
    ours = [
        ref.exponential_decay(initial_lr, s, decay_rate=decay_rate, decay_steps=1)
        for s in range(30)
    ]
    assert ours == pytest.approx(theirs, rel=1e-12)


@pytest.mark.parametrize(("decay_rate", "decay_steps"), [(0.5, 4), (0.96, 10), (0.1, 3)])
def test_exponential_decay_smooth_and_staircase(decay_rate, decay_steps):
    """Smooth: ExponentialLR with gamma = decay_rate ** (1 / decay_steps); staircase: StepLR."""
    steps = 5 * decay_steps
    smooth = torch_lrs(
        lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=decay_rate ** (1 / decay_steps)),
        0.1,
        steps,
    )
    stairs = torch_lrs(
        lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=decay_steps, gamma=decay_rate),
        0.1,
        steps,
    )
    for s in range(steps):
        kw = {"decay_rate": decay_rate, "decay_steps": decay_steps}
        assert ref.exponential_decay(0.1, s, **kw) == pytest.approx(smooth[s], rel=1e-10)
        assert ref.exponential_decay(0.1, s, staircase=True, **kw) == pytest.approx(
            stairs[s], rel=1e-12
        )
        assert ref.exponential_decay(0.1, s, **kw) == pytest.approx(
            0.1 * decay_rate ** (s / decay_steps), rel=1e-14
        )


@pytest.mark.parametrize(
    ("total_steps", "min_lr", "initial_lr"),
    [(10, 0.0, 0.1), (7, 1e-3, 0.05), (1, 0.2, 1.0), (25, 0.01, 0.5)],
)
def test_cosine_annealing_is_cosineannealinglr_then_clamped(total_steps, min_lr, initial_lr):
    """Equals CosineAnnealingLR up to total_steps, then stays at min_lr (PyTorch climbs back)."""
    steps = 3 * total_steps + 2
    theirs = torch_lrs(
        lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=total_steps, eta_min=min_lr),
        initial_lr,
        steps,
    )
    ours = [
        ref.cosine_annealing(initial_lr, s, total_steps=total_steps, min_lr=min_lr)
        for s in range(steps)
    ]
    assert ours[: total_steps + 1] == pytest.approx(theirs[: total_steps + 1], rel=1e-10, abs=1e-15)
    assert ours[total_steps:] == [min_lr] * (steps - total_steps)
    # PyTorch's schedule is periodic (period 2 * T_max): past T_max it rises again.
    assert theirs[total_steps + 1] > min_lr + 1e-9 or total_steps == 1


@pytest.mark.parametrize("warmup_steps", [1, 4, 10])
def test_linear_warmup_is_lambdalr_and_linearlr(warmup_steps):
    """linear_warmup equals LambdaLR(min(s / W, 1)) and LinearLR from (almost) zero."""
    steps = 2 * warmup_steps + 3
    initial_lr = 0.3
    theirs = torch_lrs(
        lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda s: min(s / warmup_steps, 1.0)),
        initial_lr,
        steps,
    )
    tiny = 1e-12  # LinearLR refuses start_factor == 0
    linear = torch_lrs(
        lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=tiny, total_iters=warmup_steps),
        initial_lr,
        steps,
    )
    ours = [ref.linear_warmup(initial_lr, s, warmup_steps=warmup_steps) for s in range(steps)]
    assert ours == pytest.approx(theirs, rel=1e-12)
    assert ours == pytest.approx(linear, rel=1e-9, abs=1e-11)
    assert ours[0] == 0.0 and ours[warmup_steps] == initial_lr and ours[-1] == initial_lr


@pytest.mark.parametrize("decay_rate", [0.0, 0.5, 0.01])
def test_inverse_time_decay_formula(decay_rate):
    """inverse_time_decay equals initial_lr / (1 + decay_rate * step), also via LambdaLR."""
    theirs = torch_lrs(
        lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda s: 1.0 / (1.0 + decay_rate * s)),
        0.2,
        20,
    )
    ours = [ref.inverse_time_decay(0.2, s, decay_rate=decay_rate) for s in range(20)]
    assert ours == pytest.approx(theirs, rel=1e-12)
    assert ours == pytest.approx([0.2 / (1 + decay_rate * s) for s in range(20)], rel=1e-15)


def test_returns_python_floats():
    """Every schedule returns a float."""
    values = [
        ref.exponential_decay(1, 3, decay_rate=0.5, decay_steps=2, staircase=True),
        ref.step_decay(1, 3, step_size=2, gamma=0.5),
        ref.inverse_time_decay(1, 3, decay_rate=1),
        ref.cosine_annealing(1, 3, total_steps=2),
        ref.linear_warmup(1, 3, warmup_steps=2),
    ]
    assert all(type(v) is float for v in values)
    assert values == [0.5, 0.5, 0.25, 0.0, 1.0]
    assert math.isclose(ref.cosine_annealing(1, 1, total_steps=2), 0.5)


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("exponential_decay", {"decay_rate": 0.5, "decay_steps": 2}),
        ("step_decay", {"step_size": 2, "gamma": 0.5}),
        ("inverse_time_decay", {"decay_rate": 0.5}),
        ("cosine_annealing", {"total_steps": 10}),
        ("linear_warmup", {"warmup_steps": 10}),
    ],
)
def test_negative_step_is_a_value_error(name, kwargs):
    """A negative step is a ValueError for every schedule."""
    with pytest.raises(ValueError, match="step"):
        getattr(ref, name)(0.1, -1, **kwargs)


@pytest.mark.parametrize(
    ("name", "kwargs", "bad"),
    [
        ("exponential_decay", {"decay_rate": 0.5}, "decay_steps"),
        ("step_decay", {"gamma": 0.5}, "step_size"),
        ("cosine_annealing", {}, "total_steps"),
        ("linear_warmup", {}, "warmup_steps"),
    ],
)
@pytest.mark.parametrize("value", [0, -3])
def test_non_positive_period_is_a_value_error(name, kwargs, bad, value):
    """A zero or negative decay_steps / step_size / total_steps / warmup_steps is a ValueError."""
    with pytest.raises(ValueError, match=bad):
        getattr(ref, name)(0.1, 5, **kwargs, **{bad: value})


@pytest.mark.parametrize("staircase", [False, True])
def test_decay_rate_zero_is_valid(staircase):
    """decay_rate = 0 (and gamma = 0) is no error: initial_lr until the first decay, then 0."""
    stairs = torch_lrs(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.0), 0.1, 8)
    ours = [
        ref.exponential_decay(0.1, s, decay_rate=0.0, decay_steps=3, staircase=staircase)
        for s in range(8)
    ]
    if staircase:
        assert ours == stairs == [0.1, 0.1, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0]
    else:
        assert ours == [0.1] + [0.0] * 7
    assert [ref.step_decay(0.1, s, step_size=3, gamma=0.0) for s in range(8)] == stairs


@pytest.mark.parametrize("staircase", [False, True])
@pytest.mark.parametrize(("step", "decay_steps"), [(-1, 2), (5, 0), (5, -4)])
def test_exponential_decay_errors_on_both_branches(staircase, step, decay_steps):
    """A negative step or a non-positive decay_steps is a ValueError with or without staircase."""
    with pytest.raises(ValueError):
        ref.exponential_decay(
            0.1, step, decay_rate=0.5, decay_steps=decay_steps, staircase=staircase
        )
