# wrong(sgd_step): with lr == 0 the call returns at once, so the buffer misses that gradient

from correct_inplace import _check


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    _check(lr, momentum, dampening, nesterov, weight_decay)
    if lr == 0:
        return param.copy(), state
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    buf = g.copy() if state is None else momentum * state + (1 - dampening) * g
    d = g + momentum * buf if nesterov else buf
    return param - lr * d, buf
