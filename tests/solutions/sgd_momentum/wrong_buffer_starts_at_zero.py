# wrong(sgd_step): the buffer starts at zero, so the first call already dampens the gradient
import numpy as np
from correct_inplace import _check


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    _check(lr, momentum, dampening, nesterov, weight_decay)
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    buf = np.zeros_like(param) if state is None else state
    buf = momentum * buf + (1 - dampening) * g
    d = g + momentum * buf if nesterov else buf
    return param - lr * d, buf
