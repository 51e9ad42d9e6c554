# wrong(rmsprop_step): the running averages live in a module-level dict, shared by every trajectory
import numpy as np

_STATE = {}


def rmsprop_step(
    param,
    grad,
    state,
    *,
    lr=1e-2,
    alpha=0.99,
    eps=1e-8,
    weight_decay=0.0,
    momentum=0.0,
    centered=False,
):
    for value in (lr, alpha, eps, momentum, weight_decay):
        if value < 0:
            raise ValueError(f"negative hyper-parameter {value}")
    if state is None or _STATE.get("shape") != param.shape:
        _STATE.update(
            shape=param.shape,
            v=np.zeros_like(param),
            a=np.zeros_like(param),
            b=np.zeros_like(param),
        )
    g = grad + weight_decay * param
    _STATE["v"] = alpha * _STATE["v"] + (1 - alpha) * g * g
    _STATE["a"] = alpha * _STATE["a"] + (1 - alpha) * g
    denom = np.sqrt(_STATE["v"] - _STATE["a"] ** 2 if centered else _STATE["v"]) + eps
    _STATE["b"] = momentum * _STATE["b"] + g / denom
    step = _STATE["b"] if momentum > 0 else g / denom
    return param - lr * step, "state"
