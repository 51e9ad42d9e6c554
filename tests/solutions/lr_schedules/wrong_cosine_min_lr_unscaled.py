# wrong(cosine_annealing): min_lr added on top: min_lr + initial_lr * (1 + cos) / 2
import math

from correct_numpy import (  # noqa: F401
    exponential_decay,
    inverse_time_decay,
    linear_warmup,
    step_decay,
)


def cosine_annealing(initial_lr, step, *, total_steps, min_lr=0.0):
    if step < 0 or total_steps <= 0:
        raise ValueError("step must be >= 0 and total_steps > 0")
    step = min(step, total_steps)
    return min_lr + initial_lr * (1 + math.cos(math.pi * step / total_steps)) / 2
