# wrong(exponential_decay): checks step >= 0 only in the staircase branch; the smooth one accepts -1
from correct_numpy import (  # noqa: F401
    cosine_annealing,
    inverse_time_decay,
    linear_warmup,
    step_decay,
)


def exponential_decay(initial_lr, step, *, decay_rate, decay_steps, staircase=False):
    if not decay_steps > 0:
        raise ValueError(f"decay_steps must be positive, got {decay_steps}")
    if staircase:
        if step < 0:
            raise ValueError(f"step must be >= 0, got {step}")
        return float(initial_lr * decay_rate ** (step // decay_steps))
    return float(initial_lr * decay_rate ** (step / decay_steps))
