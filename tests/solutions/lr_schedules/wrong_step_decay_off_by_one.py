# wrong(step_decay): epochs counted from 1: gamma ** ((step + 1) // step_size) decays one step early
from correct_numpy import (  # noqa: F401
    cosine_annealing,
    exponential_decay,
    inverse_time_decay,
    linear_warmup,
)


def step_decay(initial_lr, step, *, step_size, gamma):
    if step < 0 or step_size <= 0:
        raise ValueError("step must be >= 0 and step_size > 0")
    return initial_lr * gamma ** ((step + 1) // step_size)
