# wrong(adagrad_step): the lr of the first call is kept in the state and used on every later call
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
    if state is None:
        state = {"t": 0, "S": np.full(param.shape, initial_accumulator_value), "lr": lr}
    t = state["t"] + 1
    g = grad + weight_decay * param
    S = state["S"] + g * g
    clr = state["lr"] / (1 + (t - 1) * lr_decay)
    return param - clr * g / (np.sqrt(S) + eps), {"t": t, "S": S, "lr": state["lr"]}
