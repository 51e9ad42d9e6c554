# wrong(exponential_decay): exp(exponent * log(decay_rate)): math.log(0) fails for decay_rate 0
import math

from correct_numpy import (  # noqa: F401
    cosine_annealing,
    inverse_time_decay,
    linear_warmup,
    step_decay,
)


def exponential_decay(initial_lr, step, *, decay_rate, decay_steps, staircase=False):
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    if not decay_steps > 0:
        raise ValueError(f"decay_steps must be positive, got {decay_steps}")
    exponent = step // decay_steps if staircase else step / decay_steps
    return float(initial_lr * math.exp(exponent * math.log(decay_rate)))
