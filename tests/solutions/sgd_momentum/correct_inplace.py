# correct: the buffer lives in a dict and is updated in place (buf *= momentum; buf += ...)


def _check(lr, momentum, dampening, nesterov, weight_decay):
    if lr < 0:
        raise ValueError(f"invalid learning rate {lr}")
    if momentum < 0:
        raise ValueError(f"invalid momentum {momentum}")
    if weight_decay < 0:
        raise ValueError(f"invalid weight_decay {weight_decay}")
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    _check(lr, momentum, dampening, nesterov, weight_decay)
    g = grad.copy()
    if weight_decay:
        g += weight_decay * param
    if momentum == 0:
        return param - lr * g, {}
    if state is None or "buf" not in state:
        state = {"buf": g.copy()}
    else:
        buf = state["buf"]
        buf *= momentum
        buf += (1.0 - dampening) * g
    buf = state["buf"]
    if nesterov:
        g += momentum * buf
        direction = g
    else:
        direction = buf
    new_param = param.copy()
    new_param -= lr * direction
    return new_param, state
