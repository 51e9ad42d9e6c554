# wrong(sgd_step): the buffer formula also runs when momentum == 0, so dampening scales later steps

from correct_inplace import _check


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    _check(lr, momentum, dampening, nesterov, weight_decay)
    g = grad + weight_decay * param
    buf = g.copy() if state is None else momentum * state + (1 - dampening) * g
    d = g + momentum * buf if nesterov else buf
    return param - lr * d, buf
