"""Kata `layer_norm`: layer normalisation, as `torch.nn.functional.layer_norm`, in NumPy.

Implement the forward pass and the backward pass. The normalised shape is `gamma.shape`: each
position of x's leading axes is normalised over x's last `gamma.ndim` axes, with its own mean and
variance, then scaled by `gamma` and shifted by `beta`. There are no running statistics and no
training/evaluation modes. All arrays are float64; never modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def layer_norm_forward(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, *, eps: float = 1e-5
) -> tuple[np.ndarray, Any]:
    """Normalise `x` over its last `gamma.ndim` axes, then scale by `gamma` and shift by `beta`.

    As `torch.nn.functional.layer_norm(x, gamma.shape, gamma, beta, eps)`. Let `k = gamma.ndim`
    and `M = gamma.size`, the number of elements in one normalised group. For each position of
    the leading axes `x.shape[:-k]` (there may be none: then the whole of `x` is one group):

    - `mean` and the *biased* variance `var` (divide by M) of the group's M values;
    - `out = (x - mean) / sqrt(var + eps) * gamma + beta`, `eps` inside the square root,
      `gamma` and `beta` applied element by element over the normalised shape.

    Examples: x `(N, E)` with gamma `(E,)` normalises each row; x `(N, L, E)` with gamma `(E,)`
    normalises each token's E features; x `(N, L, E)` with gamma `(L, E)` normalises each
    sample's L * E values together. A group whose values are all equal has var 0: its output is
    `beta`, and nothing overflows or divides by zero.

    Args:
        x: inputs, shape `(*leading, *gamma.shape)`, any number of leading axes (zero included).
        gamma: elementwise scale, at least 1-D; its shape is the normalised shape.
        beta: elementwise shift, the shape of `gamma`.
        eps: added to the variance inside the square root.

    Returns:
        `(out, cache)`: `out` has the shape of `x`; `cache` is anything you need in
        `layer_norm_backward` (it never leaves your process).

    Raises:
        ValueError: if `gamma` has no dimension (a 0-d array); if `beta.shape != gamma.shape`;
            if the last `gamma.ndim` dimensions of `x` do not equal `gamma.shape` exactly, or
            `x` has fewer dimensions than `gamma` (a `(1,)` or `(1, E)` gamma that would
            broadcast is refused too).
    """
    raise NotImplementedError


def layer_norm_backward(dout: np.ndarray, cache: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a loss L through `layer_norm_forward`.

    Each group's mean and variance depend on every value of that group and contribute to `dx`.
    `dgamma` and `dbeta` are summed over all the leading axes (none when x had none).

    Args:
        dout: upstream gradient dL/dout, the shape of `x`.
        cache: the cache returned by `layer_norm_forward`.

    Returns:
        `(dx, dgamma, dbeta)`: dL/dx with the shape of `x`; dL/dgamma and dL/dbeta with the
        shape of `gamma`.

    Raises:
        ValueError: if `dout` does not have the shape of `x` (also when it would broadcast).
    """
    raise NotImplementedError
