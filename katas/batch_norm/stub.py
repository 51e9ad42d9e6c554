"""Kata `batch_norm`: batch normalisation, as `torch.nn.functional.batch_norm`, in NumPy.

Implement the forward pass for both modes (training: normalise with the batch statistics and
update the running ones; evaluation: normalise with the running statistics) and the backward
pass for whichever mode the forward ran in. Statistics are per channel, axis 1, over every
other axis. All arrays are float64; never modify an input in place, running statistics included.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def batch_norm_forward(
    x: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    running_mean: np.ndarray,
    running_var: np.ndarray,
    *,
    training: bool = True,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, Any]:
    """Normalise each channel of `x`, then scale by `gamma` and shift by `beta`.

    Per channel c, with m the number of values in the channel (N for (N, C), N * H * W for
    (N, C, H, W)):

    - training: `mean` and the *biased* variance `var` (divide by m) of the batch;
      `out = gamma * (x - mean) / sqrt(var + eps) + beta`;
      `new_running_mean = (1 - momentum) * running_mean + momentum * mean`;
      `new_running_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)`
      (the *unbiased* batch variance, as PyTorch).
    - evaluation (`training=False`): the same formula with `running_mean` and `running_var` in
      place of the batch statistics; the running statistics come back unchanged (as new arrays
      or copies).

    Args:
        x: inputs, shape `(N, C)` or `(N, C, H, W)`; channels on axis 1.
        gamma: per-channel scale, shape `(C,)`.
        beta: per-channel shift, shape `(C,)`.
        running_mean: running mean, shape `(C,)`. Not modified.
        running_var: running variance, shape `(C,)`. Not modified.
        training: which mode to run in.
        momentum: weight of the current batch in the running update (PyTorch's convention).
        eps: added to the variance inside the square root.

    Returns:
        `(out, new_running_mean, new_running_var, cache)`: `out` has the shape of `x`, the
        running statistics have shape `(C,)`; `cache` is anything you need in
        `batch_norm_backward` (it never leaves your process).

    Raises:
        ValueError: if `x` is neither 2-D `(N, C)` nor 4-D `(N, C, H, W)` (a 1-D, 3-D or 5-D
            input is refused, although PyTorch's `batch_norm` takes `(N, C, L)`); if `gamma`,
            `beta`, `running_mean` or `running_var` does not have shape exactly `(C,)` (a
            `(1,)` or `(C, 1)` array that would broadcast is refused too); in training, if
            there is only one value per channel (m == 1), as PyTorch.
    """
    raise NotImplementedError


def batch_norm_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a loss L through `batch_norm_forward`, for the mode the forward ran in.

    In training the batch mean and variance depend on `x` and contribute to `dx`; in evaluation
    the running statistics are constants. The running statistics get no gradient.

    Args:
        dout: upstream gradient dL/dout, the shape of `x`.
        cache: the cache returned by `batch_norm_forward`.

    Returns:
        `(dx, dgamma, dbeta)`: dL/dx with the shape of `x`; dL/dgamma and dL/dbeta of shape `(C,)`.

    Raises:
        ValueError: if `dout` does not have the shape of `x` (also when it would broadcast).
    """
    raise NotImplementedError
