"""Reference solution for the `lr_schedules` kata: learning-rate schedules as plain functions."""

from __future__ import annotations

import math


def _check_step(step: int) -> None:
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")


def _check_positive(name: str, value: float) -> None:
    if not value > 0:
        raise ValueError(f"{name} must be positive, got {value!r}")


def exponential_decay(
    initial_lr: float,
    step: int,
    *,
    decay_rate: float,
    decay_steps: int,
    staircase: bool = False,
) -> float:
    """`initial_lr * decay_rate ** (step / decay_steps)`; the exponent floored when `staircase`.

    Raises:
        ValueError: a negative `step` or a non-positive `decay_steps`.
    """
    _check_step(step)
    _check_positive("decay_steps", decay_steps)
    exponent = step // decay_steps if staircase else step / decay_steps
    return float(initial_lr * decay_rate**exponent)


def step_decay(initial_lr: float, step: int, *, step_size: int, gamma: float) -> float:
    """`initial_lr * gamma ** (step // step_size)`, the learning rate `StepLR` gives at `step`.

    Raises:
        ValueError: a negative `step` or a non-positive `step_size`.
    """
    _check_step(step)
    _check_positive("step_size", step_size)
    # Steps 0 .. step_size - 1 use initial_lr; the first decay happens at step == step_size.
    return float(initial_lr * gamma ** (step // step_size))


def inverse_time_decay(initial_lr: float, step: int, *, decay_rate: float) -> float:
    """`initial_lr / (1 + decay_rate * step)`.

    Raises:
        ValueError: a negative `step`.
    """
    _check_step(step)
    return float(initial_lr / (1.0 + decay_rate * step))


def cosine_annealing(
    initial_lr: float, step: int, *, total_steps: int, min_lr: float = 0.0
) -> float:
    """Half a cosine from `initial_lr` at step 0 to `min_lr` at `total_steps`, then `min_lr`.

    Raises:
        ValueError: a negative `step` or a non-positive `total_steps`.
    """
    _check_step(step)
    _check_positive("total_steps", total_steps)
    if step >= total_steps:
        # Clamped: PyTorch's CosineAnnealingLR would instead climb back up (period 2 * T_max).
        return float(min_lr)
    return float(
        min_lr + (initial_lr - min_lr) * (1.0 + math.cos(math.pi * step / total_steps)) / 2
    )


def linear_warmup(initial_lr: float, step: int, *, warmup_steps: int) -> float:
    """`initial_lr * min(step / warmup_steps, 1)`: 0 at step 0, `initial_lr` from `warmup_steps` on.

    Raises:
        ValueError: a negative `step` or a non-positive `warmup_steps`.
    """
    _check_step(step)
    _check_positive("warmup_steps", warmup_steps)
    return float(initial_lr * min(step / warmup_steps, 1.0))
