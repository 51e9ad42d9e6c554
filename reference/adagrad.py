"""Reference solution for the `adagrad` kata: one step of torch.optim.Adagrad."""

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
    """One update of `param` by Adagrad, as `torch.optim.Adagrad`.

    Args:
        param: the parameter, a float64 array of any shape (not modified).
        grad: its gradient, same shape (not modified).
        state: None on the first call of a trajectory, then the `new_state` the previous call
            returned: `{"step": t - 1, "sum": S}`.
        lr: the learning rate of this call (it may change from call to call).
        lr_decay: the rate is divided by `1 + (t - 1) * lr_decay` on call `t`.
        weight_decay: the L2 coefficient added to the gradient, `grad + weight_decay * param`.
        initial_accumulator_value: the starting value of the sum of squared gradients.
        eps: added to the square root of the sum, outside the root.

    Returns:
        `(new_param, new_state)`.

    Raises:
        ValueError: a negative `lr`, `lr_decay`, `weight_decay`, `initial_accumulator_value` or
            `eps` (as the torch constructor).
    """
    if lr < 0:
        raise ValueError(f"invalid learning rate lr={lr}: it must be >= 0")
    if lr_decay < 0:
        raise ValueError(f"invalid lr_decay={lr_decay}: it must be >= 0")
    if weight_decay < 0:
        raise ValueError(f"invalid weight_decay={weight_decay}: it must be >= 0")
    if initial_accumulator_value < 0:
        raise ValueError(
            f"invalid initial_accumulator_value={initial_accumulator_value}: it must be >= 0"
        )
    if eps < 0:
        raise ValueError(f"invalid eps={eps}: it must be >= 0")
    param = np.asarray(param, dtype=np.float64)
    grad = np.asarray(grad, dtype=np.float64)

    if state is None:
        step, total = 0, np.full(param.shape, float(initial_accumulator_value))
    else:
        step, total = state["step"], state["sum"]
    step += 1
    g = grad + weight_decay * param  # the L2 term joins the gradient (a new array)
    total = total + g * g  # the accumulator takes in this gradient before it is used
    clr = lr / (1 + (step - 1) * lr_decay)  # no decay on the first call
    new_param = param - clr * g / (np.sqrt(total) + eps)
    return new_param, {"step": step, "sum": total}
