# wrong(cosine_annealing): a negative step is not rejected (the cosine is even: -t gives t's rate)
import math

from correct_numpy import (  # noqa: F401
    exponential_decay,
    inverse_time_decay,
    linear_warmup,
    step_decay,
)


def cosine_annealing(initial_lr, step, *, total_steps, min_lr=0.0):
    if total_steps <= 0:
        raise ValueError("total_steps must be positive")
    if step >= total_steps:
        return min_lr
    return min_lr + (initial_lr - min_lr) * (1 + math.cos(math.pi * step / total_steps)) / 2
