# wrong(sgd_step): the buffer is kept in a module-level variable, so two trajectories share it

from correct_inplace import _check

_buffer = {}


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    _check(lr, momentum, dampening, nesterov, weight_decay)
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    if state is None:
        _buffer["b"] = g.copy()
    else:
        _buffer["b"] = momentum * _buffer["b"] + (1 - dampening) * g
    buf = _buffer["b"]
    d = g + momentum * buf if nesterov else buf
    return param - lr * d, "started"
