# correct: a dict state whose arrays are updated in place (allowed: they belong to the state)
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
    if lr < 0 or alpha < 0 or eps < 0 or momentum < 0 or weight_decay < 0:
        raise ValueError("lr, alpha, eps, momentum and weight_decay must be non-negative")
    if state is None:
        state = {"v": np.zeros_like(param), "a": np.zeros_like(param), "b": np.zeros_like(param)}
    g = grad + weight_decay * param  # a new array: grad is never touched
    v, a, b = state["v"], state["a"], state["b"]
    v *= alpha
    v += (1 - alpha) * g * g
    if centered:
        a *= alpha
        a += (1 - alpha) * g
        denom = np.sqrt(v - a * a)
    else:
        denom = np.sqrt(v)
    denom += eps
    if momentum > 0:
        b *= momentum
        b += g / denom
        return param - lr * b, state
    return param - lr * (g / denom), state
