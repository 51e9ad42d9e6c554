# correct: PyTorch's order (decay in place, step size, denominator), a list state updated in place
import math

import numpy as np


def adamw_step(
    param, grad, state, *, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False
):
    beta1, beta2 = betas
    for name, value in (("lr", lr), ("eps", eps), ("weight_decay", weight_decay)):
        if not value >= 0.0:
            raise ValueError(f"Invalid {name}: {value}")
    for index, beta in enumerate(betas):
        if not (beta >= 0.0 and beta < 1.0):
            raise ValueError(f"Invalid beta parameter at index {index}: {beta}")
    if state is None:
        state = [0, np.zeros_like(param), np.zeros_like(param), np.zeros_like(param)]
    state[0] += 1
    step, exp_avg, exp_avg_sq, max_exp_avg_sq = state
    new_param = param.copy()
    new_param *= 1 - lr * weight_decay
    exp_avg *= beta1
    exp_avg += (1 - beta1) * grad
    exp_avg_sq *= beta2
    exp_avg_sq += (1 - beta2) * grad * grad
    bias_correction1 = 1 - beta1**step
    bias_correction2_sqrt = math.sqrt(1 - beta2**step)
    step_size = lr / bias_correction1
    if amsgrad:
        np.maximum(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq)
        denom = np.sqrt(max_exp_avg_sq) / bias_correction2_sqrt + eps
    else:
        denom = np.sqrt(exp_avg_sq) / bias_correction2_sqrt + eps
    new_param -= step_size * (exp_avg / denom)
    return new_param, state
