# wrong(linear_warmup): warmup_steps checked with < 0, so warmup_steps=0 divides by zero
from correct_numpy import (  # noqa: F401
    cosine_annealing,
    exponential_decay,
    inverse_time_decay,
    step_decay,
)


def linear_warmup(initial_lr, step, *, warmup_steps):
    if step < 0:
        raise ValueError("step must be >= 0")
    if warmup_steps < 0:
        raise ValueError("warmup_steps must not be negative")
    return initial_lr * min(step / warmup_steps, 1.0)
