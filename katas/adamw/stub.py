"""Kata `adamw`: one step of AdamW, as PyTorch's `torch.optim.AdamW`, in NumPy.

Implement `adamw_step`: Adam with decoupled weight decay. It updates one parameter array from its
gradient and returns the new parameter together with the optimiser's state. The grader calls it
again and again along a trajectory, passing back the state your previous call returned (it never
looks inside it), and a learning-rate scheduler may change `lr` between calls. All arrays are
float64; never modify `param` or `grad`.
"""

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
    """One update of `param`, exactly as `torch.optim.AdamW([p], ...).step()` would make it.

    Along a trajectory, call number `t` (1 on the first call) returns the parameter that torch's
    AdamW holds after its `t`-th `step()` with `p.grad` set to the same gradients (`maximize`,
    `foreach`, `fused`, `capturable` and `differentiable` off). The weight decay is decoupled:
    the parameter is first multiplied by `1 - lr * weight_decay` (with this call's `lr`), then
    moved by Adam's update, whose moments see the raw gradient only.

    Args:
        param: the parameter, a float64 array of any shape (empty included). Left unchanged.
        grad: its gradient, a float64 array of the same shape. Left unchanged; it may hold exact
            zeros (a parameter that got no gradient, which still decays) and entries as small
            as 1e-9.
        state: None on the first call of a trajectory; on every later call, exactly the
            `new_state` that the previous call of this trajectory returned. Its content is yours
            (a dict is typical): keep copies, never `param`, `grad` or views of them. You may
            update arrays that belong to your own state in place. Several trajectories may be in
            progress at once, each with its own state.
        lr: the learning rate of this call, for the decay and for the Adam update alike. It may
            differ from call to call (a scheduler sets it before each step); nothing kept in the
            state depends on it. `lr=0` is valid and returns `param` unchanged (the state still
            advances).
        betas: `(beta1, beta2)`, the decay rates of the running averages of the gradient and of
            its square, each in `[0, 1)`.
        eps: the term added to the denominator: added to the square root of the bias-corrected
            second moment, never inside that root.
        weight_decay: the decoupled decay coefficient (default 1e-2, unlike Adam's 0): the
            parameter shrinks by the factor `1 - lr * weight_decay` on every call, and the
            gradient is not changed.
        amsgrad: use the AMSGrad variant: the running maximum of the raw (not bias-corrected)
            second moment takes the second moment's place in the denominator, which is then
            bias-corrected with the current `t`.

    Returns:
        `(new_param, new_state)`: the updated parameter, a new float64 array of `param`'s shape,
        and the state to pass to the next call of this trajectory (it stays in your process).

    Raises:
        ValueError: on every call, whatever `state` is, for `lr < 0`, `eps < 0`,
            `weight_decay < 0`, or `beta1` or `beta2` outside `[0, 1)` (a beta of exactly 1 is
            an error, 0 is valid), as torch's constructor.
    """
    raise NotImplementedError
