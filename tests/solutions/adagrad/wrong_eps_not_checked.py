# wrong(adagrad_step): a negative eps is accepted (only lr, lr_decay, weight_decay, S0 checked)
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
    if min(lr, lr_decay, weight_decay, initial_accumulator_value) < 0:
        raise ValueError("lr, lr_decay, weight_decay and initial_accumulator_value must be >= 0")
    t, S = (0, np.full(param.shape, initial_accumulator_value)) if state is None else state
    t += 1
    g = grad + weight_decay * param
    S = S + g * g
    clr = lr / (1 + (t - 1) * lr_decay)
    return param - clr * g / (np.sqrt(S) + eps), (t, S)
