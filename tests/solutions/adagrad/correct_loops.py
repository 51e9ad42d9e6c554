# correct: element by element with Python loops and math.sqrt; the state is a (step, sum) tuple
import math

import numpy as np


def adagrad_step(
    param,
    grad,
    state,
    *,
    lr=1e-2,
    lr_decay=0.0,
    weight_decay=0.0,
    initial_accumulator_value=0.0,
    eps=1e-10,
):
    if lr < 0:
        raise ValueError("negative lr")
    if lr_decay < 0:
        raise ValueError("negative lr_decay")
    if weight_decay < 0:
        raise ValueError("negative weight_decay")
    if initial_accumulator_value < 0:
        raise ValueError("negative initial_accumulator_value")
    if eps < 0:
        raise ValueError("negative eps")
    if state is None:
        step, old = 1, None
    else:
        step, old = state[0] + 1, state[1]
    total = np.empty(param.shape)
    new_param = np.empty(param.shape)
    clr = lr / (1 + (step - 1) * lr_decay)
    for index in np.ndindex(param.shape):
        p = float(param[index])
        g = float(grad[index]) + weight_decay * p
        s = (initial_accumulator_value if old is None else float(old[index])) + g * g
        total[index] = s
        new_param[index] = p - clr * g / (math.sqrt(s) + eps)
    return new_param, (step, total)
