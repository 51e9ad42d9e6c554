# wrong(adagrad_step): the accumulator takes in the raw gradient; weight decay only in the step
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
    _check(lr, lr_decay, weight_decay, initial_accumulator_value, eps)
    t, S = (0, np.full(param.shape, initial_accumulator_value)) if state is None else state
    t += 1
    S = S + grad * grad
    g = grad + weight_decay * param
    clr = lr / (1 + (t - 1) * lr_decay)
    return param - clr * g / (np.sqrt(S) + eps), (t, S)
