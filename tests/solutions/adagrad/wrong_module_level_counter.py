# wrong(adagrad_step): the step count t lives in a module-level counter shared by all trajectories
import numpy as np
from correct_inplace import _check

_calls = {"t": 0}


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
    _check(lr, lr_decay, weight_decay, initial_accumulator_value, eps)
    if state is None:
        _calls["t"] = 0
        state = np.full(param.shape, initial_accumulator_value)
    _calls["t"] += 1
    g = grad + weight_decay * param
    S = state + g * g
    clr = lr / (1 + (_calls["t"] - 1) * lr_decay)
    return param - clr * g / (np.sqrt(S) + eps), S
