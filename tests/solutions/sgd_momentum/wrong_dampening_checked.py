# wrong(sgd_step): dampening outside [0, 1) is rejected, which PyTorch accepts

from correct_inplace import sgd_step as _sgd_step


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    if not 0 <= dampening < 1:
        raise ValueError(f"invalid dampening {dampening}")
    return _sgd_step(
        param,
        grad,
        state,
        lr=lr,
        momentum=momentum,
        dampening=dampening,
        nesterov=nesterov,
        weight_decay=weight_decay,
    )
