# wrong(exponential_decay): staircase ignored: always decay_rate ** (step / decay_steps)
from correct_numpy import (  # noqa: F401
    cosine_annealing,
    inverse_time_decay,
    linear_warmup,
    step_decay,
)
from correct_numpy import exponential_decay as _correct


def exponential_decay(initial_lr, step, *, decay_rate, decay_steps, staircase=False):
    return _correct(initial_lr, step, decay_rate=decay_rate, decay_steps=decay_steps)
