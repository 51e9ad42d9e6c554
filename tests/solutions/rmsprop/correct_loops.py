# correct: plain loops over the entries with math.sqrt; a class as the state, updated in place
import math

import numpy as np


class _State:
    def __init__(self, n):
        self.square_avg = [0.0] * n
        self.grad_avg = [0.0] * n
        self.buffer = [0.0] * n


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
        raise ValueError("lr, alpha, eps, momentum and weight_decay must all be >= 0")
    p = param.ravel()
    gr = grad.ravel()
    if state is None:
        state = _State(p.size)
    out = np.empty(p.size)
    for i in range(p.size):
        g = gr[i] + weight_decay * p[i]
        state.square_avg[i] = alpha * state.square_avg[i] + (1 - alpha) * g * g
        if centered:
            state.grad_avg[i] = alpha * state.grad_avg[i] + (1 - alpha) * g
            denom = math.sqrt(state.square_avg[i] - state.grad_avg[i] ** 2) + eps
        else:
            denom = math.sqrt(state.square_avg[i]) + eps
        if momentum > 0:
            state.buffer[i] = momentum * state.buffer[i] + g / denom
            out[i] = p[i] - lr * state.buffer[i]
        else:
            out[i] = p[i] - lr * g / denom
    return out.reshape(param.shape), state
