# correct: the sum lives in a dict and is updated in place (np.add(S, g * g, out=S))
import numpy as np


def _check(lr, lr_decay, weight_decay, initial_accumulator_value, eps):
    for name, value in [
        ("lr", lr),
        ("lr_decay", lr_decay),
        ("weight_decay", weight_decay),
        ("initial_accumulator_value", initial_accumulator_value),
        ("eps", eps),
    ]:
        if not value >= 0:
            raise ValueError(f"{name}={value} must be >= 0")


def adagrad_step(
    param,
    grad,
    state,
    *,
    lr=1e-2,
    lr_decay=0.0,
    weight_decay=0.0,
    initial_accumulator_value=0.0,
    eps=1e-10,
):
    _check(lr, lr_decay, weight_decay, initial_accumulator_value, eps)
    if state is None:
        state = {"t": 0, "S": np.full_like(param, initial_accumulator_value, dtype=np.float64)}
    state["t"] += 1
    g = grad.copy()
    if weight_decay != 0:
        g += weight_decay * param
    np.add(state["S"], g * g, out=state["S"])
    clr = lr / (1 + (state["t"] - 1) * lr_decay)
    denominator = np.sqrt(state["S"])
    denominator += eps
    return param - clr * (g / denominator), state
