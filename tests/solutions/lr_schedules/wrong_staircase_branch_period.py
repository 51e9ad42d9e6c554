# wrong(exponential_decay): staircase branch returns before decay_steps is checked (5 // -4 = -2)
from correct_numpy import (  # noqa: F401
    cosine_annealing,
    inverse_time_decay,
    linear_warmup,
    step_decay,
)


def exponential_decay(initial_lr, step, *, decay_rate, decay_steps, staircase=False):
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    if staircase and decay_steps != 0:
        return float(initial_lr * decay_rate ** (step // decay_steps))
    if decay_steps <= 0:
        raise ValueError(f"decay_steps must be positive, got {decay_steps}")
    return float(initial_lr * decay_rate ** (step / decay_steps))
