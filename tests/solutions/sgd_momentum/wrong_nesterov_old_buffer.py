# wrong(sgd_step): Nesterov looks ahead with the buffer of the previous call (before this update)
import numpy as np
from correct_inplace import _check


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    _check(lr, momentum, dampening, nesterov, weight_decay)
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    old = np.zeros_like(param) if state is None else state
    buf = g.copy() if state is None else momentum * state + (1 - dampening) * g
    d = g + momentum * old if nesterov else buf
    return param - lr * d, buf
