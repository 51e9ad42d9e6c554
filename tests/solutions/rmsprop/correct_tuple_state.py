# correct: the state is a tuple (v, a, buffer) with None for what is not used; another formula order
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
    if min(lr, alpha, eps, momentum, weight_decay) < 0:
        raise ValueError("negative hyper-parameter")
    g = np.add(grad, param * weight_decay)
    v_old, a_old, b_old = state if state is not None else (0.0, 0.0, 0.0)
    v = alpha * v_old + (1.0 - alpha) * np.square(g)
    a = alpha * a_old + (1.0 - alpha) * g if centered else None
    rms = np.sqrt(v - np.square(a)) if centered else np.sqrt(v)
    scaled = g / (rms + eps)
    if momentum > 0:
        b = scaled + momentum * b_old
        return param - b * lr, (v, a, b)
    return param - scaled * lr, (v, a, None)
