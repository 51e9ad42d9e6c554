# wrong(linear_warmup): (step + 1) / warmup_steps: above 0 at step 0, full rate one step early
from correct_numpy import (  # noqa: F401
    cosine_annealing,
    exponential_decay,
    inverse_time_decay,
    step_decay,
)


def linear_warmup(initial_lr, step, *, warmup_steps):
    if step < 0 or warmup_steps <= 0:
        raise ValueError("step must be >= 0 and warmup_steps > 0")
    return initial_lr * min((step + 1) / warmup_steps, 1.0)
