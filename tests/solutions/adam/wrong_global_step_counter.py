# wrong(adam_step): t in a module-level counter, shared and never reset by None
import numpy as np
from correct_textbook import _check

_t = 0


def adam_step(
    param, grad, state, *, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False
):
    global _t
    _check(lr, betas, eps, weight_decay)
    beta1, beta2 = betas
    if state is None:
        zeros = np.zeros(param.shape)
        state = {"m": zeros, "v": zeros, "v_max": zeros}
    _t += 1
    t = _t
    g = grad + weight_decay * param
    m = beta1 * state["m"] + (1 - beta1) * g
    v = beta2 * state["v"] + (1 - beta2) * g**2
    v_max = np.maximum(state["v_max"], v) if amsgrad else state["v_max"]
    m_hat = m / (1 - beta1**t)
    v_hat = (v_max if amsgrad else v) / (1 - beta2**t)
    new_param = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_param, {"m": m, "v": v, "v_max": v_max}
