# correct: element by element with Python loops; the state is the buffer array itself
import numpy as np


def sgd_step(
    param, grad, state, *, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
):
    if not lr >= 0:
        raise ValueError("lr must be >= 0")
    if not momentum >= 0:
        raise ValueError("momentum must be >= 0")
    if not weight_decay >= 0:
        raise ValueError("weight_decay must be >= 0")
    if nesterov and not momentum > 0:
        raise ValueError("nesterov needs momentum > 0")
    if nesterov and dampening != 0:
        raise ValueError("nesterov needs dampening == 0")
    new_param = np.empty_like(param, dtype=np.float64)
    buffer = None
    if momentum > 0:
        buffer = np.empty_like(param, dtype=np.float64) if state is None else state
    for index in np.ndindex(param.shape):
        g = float(grad[index])
        if weight_decay != 0:
            g = g + weight_decay * float(param[index])
        if buffer is None:
            d = g
        else:
            if state is None:
                b = g
            else:
                b = momentum * float(buffer[index]) + (1 - dampening) * g
            buffer[index] = b
            d = g + momentum * b if nesterov else b
        new_param[index] = float(param[index]) - lr * d
    return new_param, buffer
