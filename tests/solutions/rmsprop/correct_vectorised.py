# correct: vectorised, a dict of fresh arrays as the state, averages written as lerps
import numpy as np


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
    for name, value in [
        ("lr", lr),
        ("alpha", alpha),
        ("eps", eps),
        ("momentum", momentum),
        ("weight_decay", weight_decay),
    ]:
        if value < 0:
            raise ValueError(f"{name} must be non-negative, got {value}")
    if state is None:
        state = {"v": np.zeros_like(param), "a": np.zeros_like(param), "b": np.zeros_like(param)}
    g = grad + weight_decay * param if weight_decay else grad.copy()
    v = state["v"] + (1 - alpha) * (g * g - state["v"])
    a = state["a"] + (1 - alpha) * (g - state["a"])
    denom = np.sqrt(v - a * a if centered else v) + eps
    direction = np.divide(g, denom)
    b = momentum * state["b"] + direction
    step = b if momentum > 0 else direction
    return param - lr * step, {"v": v, "a": a, "b": b}
