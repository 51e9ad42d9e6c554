"""Stochastic gradient descent with momentum, one step at a time.

Implement `sgd_step`, one update of one parameter array, with exactly the semantics of
`torch.optim.SGD`: weight decay, momentum with dampening, and Nesterov momentum. The optimiser's
memory (the momentum buffer) travels from call to call in `state`: `None` on the first call of a
trajectory, then whatever your previous call returned.
"""

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
    """One update of `param`, as one `step()` of `torch.optim.SGD([p], ...)`.

    Over a trajectory (the first call with `state=None`, each later call with the state the
    previous call returned, the same gradients set as `p.grad`), every `new_param` equals torch's
    parameter after the same number of steps.

    Semantics: the gradient used is `g = grad + weight_decay * param`. With `momentum > 0` a
    buffer `b` is kept: on the first call `b = g` (a copy, no dampening), on later calls
    `b = momentum * b + (1 - dampening) * g`; the direction is `g + momentum * b` with Nesterov,
    else `b`. With `momentum == 0` there is no buffer and the direction is `g`.
    `new_param = param - lr * direction`.

    Args:
        param: the parameter, a float64 array of any shape. Never modified.
        grad: its gradient, a float64 array of the same shape. Never modified (a state that keeps
            it must keep a copy).
        state: `None` on the first call of a trajectory, then exactly the `new_state` returned by
            the previous call. Its content is yours (a dict is typical); you may update arrays
            that belong to it in place.
        lr: the learning rate of this call, `>= 0`. It may change from one call to the next (a
            scheduler), so nothing in the state may depend on it.
        momentum: the momentum factor, `>= 0`; 0 is plain SGD.
        dampening: scales the new gradient in the buffer update from the second call on. Any
            value is accepted (as PyTorch).
        nesterov: use Nesterov momentum; needs `momentum > 0` and `dampening == 0`.
        weight_decay: the L2 coefficient, `>= 0`, folded into the gradient.

    Returns:
        `(new_param, new_state)`: a new float64 array of `param`'s shape, and the state to pass to
        the next call.

    Raises:
        ValueError: on every call, whatever `state` is, where the torch constructor raises one:
            `lr < 0`, `momentum < 0`, `weight_decay < 0`, or `nesterov=True` with
            `momentum <= 0` or `dampening != 0`.
    """
    raise NotImplementedError
