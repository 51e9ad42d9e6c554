# wrong(sgd_step): decoupled weight decay on param instead of folding it into the gradient

from correct_inplace import _check


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    _check(lr, momentum, dampening, nesterov, weight_decay)
    g = grad.copy()
    p = param * (1 - lr * weight_decay)
    if momentum == 0:
        return p - lr * g, None
    buf = g.copy() if state is None else momentum * state + (1 - dampening) * g
    d = g + momentum * buf if nesterov else buf
    return p - lr * d, buf
