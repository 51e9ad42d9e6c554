# wrong(inverse_time_decay): initial_lr / (1 + decay_rate) ** step, an exponential in disguise
from correct_numpy import (  # noqa: F401
    cosine_annealing,
    exponential_decay,
    linear_warmup,
    step_decay,
)


def inverse_time_decay(initial_lr, step, *, decay_rate):
    if step < 0:
        raise ValueError("step must be >= 0")
    return initial_lr / (1 + decay_rate) ** step
