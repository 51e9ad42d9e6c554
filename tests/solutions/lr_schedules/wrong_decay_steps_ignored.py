# wrong(exponential_decay): decay_steps ignored in the smooth case: decay_rate ** step
from correct_numpy import (  # noqa: F401
    cosine_annealing,
    inverse_time_decay,
    linear_warmup,
    step_decay,
)


def exponential_decay(initial_lr, step, *, decay_rate, decay_steps, staircase=False):
    if step < 0 or decay_steps <= 0:
        raise ValueError("step must be >= 0 and decay_steps > 0")
    if staircase:
        return initial_lr * decay_rate ** (step // decay_steps)
    return initial_lr * decay_rate**step
