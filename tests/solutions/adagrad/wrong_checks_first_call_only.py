# wrong(adagrad_step): the arguments are checked only on the first call (state is None)
import numpy as np
from correct_inplace import _check


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
    if state is None:
        _check(lr, lr_decay, weight_decay, initial_accumulator_value, eps)
        state = (0, np.full(param.shape, initial_accumulator_value))
    t, S = state
    t += 1
    g = grad + weight_decay * param
    S = S + g * g
    clr = lr / (1 + (t - 1) * lr_decay)
    return param - clr * g / (np.sqrt(S) + eps), (t, S)
