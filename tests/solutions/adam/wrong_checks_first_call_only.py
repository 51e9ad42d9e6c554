# wrong(adam_step): hyper-parameters checked only on the first call (state None)
import numpy as np


def _check(lr, betas, eps, weight_decay):
    beta1, beta2 = betas
    if lr < 0:
        raise ValueError(f"lr={lr} must be >= 0")
    if eps < 0:
        raise ValueError(f"eps={eps} must be >= 0")
    if not 0 <= beta1 < 1 or not 0 <= beta2 < 1:
        raise ValueError(f"betas={betas} must both lie in [0, 1)")
    if weight_decay < 0:
        raise ValueError(f"weight_decay={weight_decay} must be >= 0")


def adam_step(
    param, grad, state, *, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False
):
    beta1, beta2 = betas
    if state is None:
        _check(lr, betas, eps, weight_decay)
        zeros = np.zeros(param.shape)
        state = {"t": 0, "m": zeros, "v": zeros, "v_max": zeros}
    t = state["t"] + 1
    g = grad + weight_decay * param
    m = beta1 * state["m"] + (1 - beta1) * g
    v = beta2 * state["v"] + (1 - beta2) * g**2
    v_max = np.maximum(state["v_max"], v) if amsgrad else state["v_max"]
    m_hat = m / (1 - beta1**t)
    v_hat = (v_max if amsgrad else v) / (1 - beta2**t)
    new_param = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_param, {"t": t, "m": m, "v": v, "v_max": v_max}
