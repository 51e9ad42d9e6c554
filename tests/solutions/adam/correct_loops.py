# correct: a loop over the entries with Python floats, the state a small class
import math

import numpy as np


class AdamState:
    def __init__(self, size):
        self.t = 0
        self.m = [0.0] * size
        self.v = [0.0] * size
        self.v_max = [0.0] * size


def adam_step(
    param, grad, state, *, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False
):
    beta1, beta2 = betas
    if lr < 0 or eps < 0 or weight_decay < 0:
        raise ValueError("lr, eps and weight_decay must be non-negative")
    if beta1 < 0 or beta1 >= 1 or beta2 < 0 or beta2 >= 1:
        raise ValueError(f"each beta must lie in [0, 1), got {betas}")
    flat_param = param.reshape(-1)
    flat_grad = grad.reshape(-1)
    if state is None:
        state = AdamState(flat_param.size)
    state.t += 1
    t = state.t
    out = np.empty(flat_param.size)
    for i in range(flat_param.size):
        g = float(flat_grad[i]) + weight_decay * float(flat_param[i])
        state.m[i] = beta1 * state.m[i] + (1 - beta1) * g
        state.v[i] = beta2 * state.v[i] + (1 - beta2) * g * g
        second = state.v[i]
        if amsgrad:
            state.v_max[i] = max(state.v_max[i], state.v[i])
            second = state.v_max[i]
        m_hat = state.m[i] / (1 - beta1**t)
        v_hat = second / (1 - beta2**t)
        out[i] = flat_param[i] - lr * m_hat / (math.sqrt(v_hat) + eps)
    return out.reshape(param.shape), state
