"""Kata `rmsprop`: one step of PyTorch's `torch.optim.RMSprop`, in NumPy.

`rmsprop_step` updates one parameter array from its gradient and a state that you carry from
call to call (start with `state=None`; pass back the state the previous call returned). Over a
whole trajectory, the parameters must equal torch's after each `optimizer.step()`, also when
`lr` changes between calls. All arrays are float64; never modify `param` or `grad`.
"""

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
    """One update of `param` by RMSprop, as `torch.optim.RMSprop([p], ...).step()`.

    With `g = grad + weight_decay * param` (an L2 term in the gradient), the state holds
    a running average `v` of `g ** 2` with smoothing constant `alpha` (starting at zero, with
    no bias correction); when `centered`, also a running average `a` of `g`. The step
    divides `g` elementwise by `sqrt(v) + eps` (by `sqrt(v - a ** 2) + eps` when centered: `eps`
    is outside the square root). With `momentum > 0` a buffer (starting at zero) accumulates
    these normalised gradients, `buffer = momentum * buffer + g / denominator`, and the step is
    `lr * buffer`; otherwise the step is `lr * g / denominator`. `new_param = param - step`.

    Args:
        param: the parameter, a float64 array of any shape.
        grad: its gradient, a float64 array of the same shape; entries may be exactly 0.
        state: `None` on the first call of a trajectory; on every later call, exactly the
            `new_state` the previous call returned. Its content is yours (a dict is typical).
            It must not depend on `lr`, and must hold copies, never views, of `param` or `grad`.
        lr: the learning rate of this call. It may change from one call to the next (a
            scheduler); `lr=0` leaves the parameter unchanged but still advances the state.
        alpha: smoothing constant of the running averages (torch accepts values above 1).
        eps: added to the denominator, after the square root.
        weight_decay: the L2 coefficient folded into the gradient.
        momentum: the momentum factor (0: no buffer).
        centered: normalise by an estimate of the gradient's variance, `v - a ** 2`.
        All hyper-parameters but `lr` stay the same along one trajectory.

    Returns:
        `(new_param, new_state)`: `new_param` a new float64 array of `param`'s shape;
        `new_state` anything you like (it stays in your process).

    Raises:
        ValueError: on every call (whatever `state` is) for a negative `lr`, `alpha`, `eps`,
            `momentum` or `weight_decay`. Zero is valid for each of them.
    """
    raise NotImplementedError
