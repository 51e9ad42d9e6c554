# wrong(sgd_step): the arguments are checked only on the first call (state is None)

from correct_inplace import _check


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    if state is None:
        _check(lr, momentum, dampening, nesterov, weight_decay)
        state = {"buf": None}
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, state
    if state["buf"] is None:
        buf = g.copy()
    else:
        buf = momentum * state["buf"] + (1 - dampening) * g
    d = g + momentum * buf if nesterov else buf
    return param - lr * d, {"buf": buf}
