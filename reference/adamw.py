"""Reference solution for the `adamw` kata: one step of torch.optim.AdamW on one parameter array."""

from __future__ import annotations

from typing import Any

import numpy as np


def adamw_step(
    param: np.ndarray,
    grad: np.ndarray,
    state: Any,
    *,
    lr: float = 1e-3,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 1e-2,
    amsgrad: bool = False,
) -> tuple[np.ndarray, Any]:
    """One update of `torch.optim.AdamW` (weight decay decoupled from the gradient).

    Args:
        param: the parameter, a float64 array of any shape (left unchanged).
        grad: its gradient, same shape (left unchanged).
        state: None on the first call of a trajectory, else the state the previous call returned.
        lr: learning rate of this call (may change from call to call).
        betas: `(beta1, beta2)`, the decay rates of the first and second moment.
        eps: added to the bias-corrected root of the second moment.
        weight_decay: decoupled decay, `param * (1 - lr * weight_decay)` before the update.
        amsgrad: use the running maximum of the raw second moment.

    Returns:
        `(new_param, new_state)`.

    Raises:
        ValueError: `lr < 0`, `eps < 0`, `weight_decay < 0`, or a beta outside `[0, 1)`.
    """
    beta1, beta2 = betas
    # written as torch writes them (`not 0.0 <= lr`), so that NaN is refused too
    if not 0.0 <= lr:
        raise ValueError(f"Invalid learning rate: lr={lr} must be >= 0")
    if not 0.0 <= eps:
        raise ValueError(f"Invalid epsilon value: eps={eps} must be >= 0")
    if not 0.0 <= beta1 < 1.0:
        raise ValueError(f"Invalid beta parameter at index 0: {beta1} is not in [0, 1)")
    if not 0.0 <= beta2 < 1.0:
        raise ValueError(f"Invalid beta parameter at index 1: {beta2} is not in [0, 1)")
    if not 0.0 <= weight_decay:
        raise ValueError(f"Invalid weight_decay value: {weight_decay} must be >= 0")

    param = np.asarray(param, dtype=np.float64)
    grad = np.asarray(grad, dtype=np.float64)
    if state is None:
        state = {
            "step": 0,
            "m": np.zeros_like(param),
            "v": np.zeros_like(param),
            "v_max": np.zeros_like(param) if amsgrad else None,
        }
    t = state["step"] + 1

    # decoupled weight decay first, with this call's lr; the moments see the raw gradient
    param = param * (1 - lr * weight_decay)
    g = grad
    m = beta1 * state["m"] + (1 - beta1) * g
    v = beta2 * state["v"] + (1 - beta2) * g * g
    v_max = None
    if amsgrad:
        v_max = np.maximum(state["v_max"], v)  # the maximum of the raw, uncorrected moment
    bias_correction1 = 1 - beta1**t
    bias_correction2 = 1 - beta2**t
    second = v_max if amsgrad else v
    denominator = np.sqrt(second) / np.sqrt(bias_correction2) + eps  # eps outside the root
    new_param = param - (lr / bias_correction1) * m / denominator
    return new_param, {"step": t, "m": m, "v": v, "v_max": v_max}
