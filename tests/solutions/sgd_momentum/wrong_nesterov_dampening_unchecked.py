# wrong(sgd_step): Nesterov is rejected without momentum, but accepted with dampening != 0


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    if lr < 0 or momentum < 0 or weight_decay < 0:
        raise ValueError("lr, momentum and weight_decay must be >= 0")
    if nesterov and momentum <= 0:
        raise ValueError("nesterov needs momentum > 0")
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    buf = g.copy() if state is None else momentum * state + (1 - dampening) * g
    d = g + momentum * buf if nesterov else buf
    return param - lr * d, buf
