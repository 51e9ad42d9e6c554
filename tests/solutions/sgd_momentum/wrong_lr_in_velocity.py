# wrong(sgd_step): the velocity form v = momentum * v - lr * g (lr kept inside the buffer)

from correct_inplace import _check


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    _check(lr, momentum, dampening, nesterov, weight_decay)
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    if state is None:
        v = -lr * g
    else:
        v = momentum * state - lr * (1 - dampening) * g
    if nesterov:
        return param + momentum * v - lr * g, v
    return param + v, v
