"""Reference solution for the `rmsprop` kata: one step of torch.optim.RMSprop on one array."""

from __future__ import annotations

from typing import Any

import numpy as np


def rmsprop_step(
    param: np.ndarray,
    grad: np.ndarray,
    state: Any,
    *,
    lr: float = 1e-2,
    alpha: float = 0.99,
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    momentum: float = 0.0,
    centered: bool = False,
) -> tuple[np.ndarray, Any]:
    """One update of `param` by RMSprop, exactly as `torch.optim.RMSprop`'s `step()`.

    Args:
        param: the parameter, a float64 array of any shape (not modified).
        grad: its gradient, same shape (not modified).
        state: `None` on the first call of a trajectory, then the state the previous call returned.
        lr: learning rate of this call (it may change from call to call).
        alpha: smoothing constant of the running average of squared gradients.
        eps: added to the denominator after the square root.
        weight_decay: L2 penalty, `g = grad + weight_decay * param`.
        momentum: momentum factor of the buffer of normalised steps (0: no buffer).
        centered: divide by an estimate of the gradient's standard deviation instead.

    Returns:
        `(new_param, new_state)`.

    Raises:
        ValueError: for a negative `lr`, `alpha`, `eps`, `momentum` or `weight_decay`.
    """
    # `not x >= 0` rather than `x < 0`: torch's constructor rejects NaN as well
    for name, value in (
        ("lr", lr),
        ("alpha", alpha),
        ("eps", eps),
        ("momentum", momentum),
        ("weight_decay", weight_decay),
    ):
        if not value >= 0.0:
            raise ValueError(f"{name} must be >= 0, got {value}")
    param = np.asarray(param, dtype=np.float64)
    grad = np.asarray(grad, dtype=np.float64)

    if state is None:
        # every running quantity starts at zero; nothing in the state depends on lr
        state = {
            "square_avg": np.zeros_like(param),
            "grad_avg": np.zeros_like(param) if centered else None,
            "buffer": np.zeros_like(param) if momentum > 0 else None,
        }

    g = grad + weight_decay * param  # a new array: grad itself is never touched
    # v = alpha * v + (1 - alpha) * g^2, no bias correction
    state["square_avg"] = alpha * state["square_avg"] + (1 - alpha) * g * g
    if centered:
        # a = alpha * a + (1 - alpha) * g; v - a^2 estimates the variance of g
        state["grad_avg"] = alpha * state["grad_avg"] + (1 - alpha) * g
        denom = np.sqrt(state["square_avg"] - state["grad_avg"] ** 2) + eps
    else:
        denom = np.sqrt(state["square_avg"]) + eps  # eps outside the square root
    if momentum > 0:
        state["buffer"] = momentum * state["buffer"] + g / denom
        new_param = param - lr * state["buffer"]
    else:
        new_param = param - lr * g / denom
    return new_param, state
