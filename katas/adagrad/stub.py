"""Adagrad, one step at a time.

Implement `adagrad_step`, one update of one parameter array, with exactly the semantics of
`torch.optim.Adagrad`: each element gets its own step size, the learning rate divided by the
square root of the sum of all its squared gradients so far. The optimiser's memory (that sum and
the step count) travels from call to call in `state`: `None` on the first call of a trajectory,
then whatever your previous call returned.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def adagrad_step(
    param: np.ndarray,
    grad: np.ndarray,
    state: Any,
    *,
    lr: float = 1e-2,
    lr_decay: float = 0.0,
    weight_decay: float = 0.0,
    initial_accumulator_value: float = 0.0,
    eps: float = 1e-10,
) -> tuple[np.ndarray, Any]:
    """One update of `param`, as one `step()` of `torch.optim.Adagrad([p], ...)`.

    Over a trajectory (the first call with `state=None`, each later call with the state the
    previous call returned, the same gradients set as `p.grad`), every `new_param` equals torch's
    parameter after the same number of steps.

    Semantics, on call number `t` of the trajectory (1 on the first): the gradient used is
    `g = grad + weight_decay * param`; the accumulator `S` starts at `initial_accumulator_value`
    in every element and takes in the square of each gradient before it is used, `S = S + g ** 2`
    (a sum, not an average); the decayed rate is `clr = lr / (1 + (t - 1) * lr_decay)`; and
    `new_param = param - clr * g / (sqrt(S) + eps)`, with `eps` outside the square root.

    Args:
        param: the parameter, a float64 array of any shape. Never modified.
        grad: its gradient, a float64 array of the same shape. Never modified.
        state: `None` on the first call of a trajectory, then exactly the `new_state` returned by
            the previous call. Its content is yours; you may update arrays that belong to it in
            place.
        lr: the learning rate of this call, `>= 0`. It may change from one call to the next (a
            scheduler), so nothing in the state may depend on it.
        lr_decay: `>= 0`; divides the rate by `1 + (t - 1) * lr_decay`.
        weight_decay: the L2 coefficient, `>= 0`, folded into the gradient.
        initial_accumulator_value: `>= 0`, the starting value of every element of `S`.
        eps: `>= 0`, added to `sqrt(S)` in the denominator.

    Returns:
        `(new_param, new_state)`: a new float64 array of `param`'s shape, and the state to pass to
        the next call.

    Raises:
        ValueError: on every call, whatever `state` is, where the torch constructor raises one:
            a negative `lr`, `lr_decay`, `weight_decay`, `initial_accumulator_value` or `eps`.
    """
    raise NotImplementedError
