"""Reference solution for the `sgd_momentum` kata: one step of torch.optim.SGD."""

from __future__ import annotations

from typing import Any

import numpy as np


def sgd_step(
    param: np.ndarray,
    grad: np.ndarray,
    state: Any,
    *,
    lr: float,
    momentum: float = 0.0,
    dampening: float = 0.0,
    nesterov: bool = False,
    weight_decay: float = 0.0,
) -> tuple[np.ndarray, Any]:
    """One update of `param` by stochastic gradient descent, as `torch.optim.SGD`.

    Args:
        param: the parameter, a float64 array of any shape (not modified).
        grad: its gradient, same shape (not modified).
        state: None on the first call of a trajectory, then the `new_state` the previous call
            returned.
        lr: the learning rate of this call (it may change from call to call).
        momentum: the momentum factor `mu >= 0`; 0 means plain SGD, with no buffer.
        dampening: the dampening of the buffer update (not applied on the first call).
        nesterov: Nesterov momentum (needs `momentum > 0` and `dampening == 0`).
        weight_decay: the L2 coefficient added to the gradient, `grad + weight_decay * param`.

    Returns:
        `(new_param, new_state)`.

    Raises:
        ValueError: `lr < 0`, `momentum < 0`, `weight_decay < 0`, or `nesterov` with
            `momentum <= 0` or `dampening != 0` (as the torch constructor).
    """
    if lr < 0:
        raise ValueError(f"invalid learning rate lr={lr}: it must be >= 0")
    if momentum < 0:
        raise ValueError(f"invalid momentum={momentum}: it must be >= 0")
    if weight_decay < 0:
        raise ValueError(f"invalid weight_decay={weight_decay}: it must be >= 0")
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError(
            f"Nesterov momentum needs momentum > 0 and dampening == 0, got "
            f"momentum={momentum}, dampening={dampening}"
        )
    param = np.asarray(param, dtype=np.float64)
    grad = np.asarray(grad, dtype=np.float64)

    # the L2 term joins the gradient (a new array: grad itself is never touched)
    g = grad + weight_decay * param if weight_decay != 0 else grad.copy()
    new_state: dict[str, Any] = {}
    if momentum != 0:
        if state is None:
            buffer = g.copy()  # the first buffer is the gradient itself: no dampening
        else:
            buffer = momentum * state["buffer"] + (1 - dampening) * g
        new_state["buffer"] = buffer
        direction = g + momentum * buffer if nesterov else buffer
    else:
        direction = g  # plain SGD: no buffer, and dampening plays no part
    return param - lr * direction, new_state
