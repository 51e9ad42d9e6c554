"""Kata `gru_cell`: one step of a GRU, as `torch.nn.GRUCell`, in NumPy.

Implement the forward pass of one time step and the backward pass that turns the upstream
gradient of the new hidden state into gradients for every input, weight and bias. Weights use
PyTorch's layout: the 3H rows are the reset, update and new gates, in that order, and the reset
gate scales the hidden part of the new gate, its bias included. All arrays are float64; never
modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def gru_cell_forward(
    x: np.ndarray,
    h_prev: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, Any]:
    """One GRU step.

    `gi = x @ w_ih.T + b_ih` and `gh = h_prev @ w_hh.T + b_hh` have shape `(N, 3H)`; their
    column blocks `[0:H], [H:2H], [2H:3H]` belong to the reset gate `r`, the update gate `z` and
    the new gate `n`:
    `r = sigmoid(gi_r + gh_r)`, `z = sigmoid(gi_z + gh_z)`,
    `n = tanh(gi_n + r * gh_n)` (r multiplies `h_prev @ W_hn.T + b_hn`, bias included),
    `h = (1 - z) * n + z * h_prev`.

    Stable: inputs of magnitude up to 1e4 give no overflow, invalid-value or division-by-zero
    warning.

    Args:
        x: inputs, shape `(N, I)`.
        h_prev: previous hidden state, shape `(N, H)`.
        w_ih: input-to-hidden weights, shape `(3H, I)` (gates r, z, n stacked by rows).
        w_hh: hidden-to-hidden weights, shape `(3H, H)`.
        b_ih: input-to-hidden bias, shape `(3H,)`.
        b_hh: hidden-to-hidden bias, shape `(3H,)`; both biases are added.

    Returns:
        `(h, cache)`: the new hidden state `(N, H)`; `cache` is anything you need in
        `gru_cell_backward` (it never leaves your process).

    Raises:
        ValueError: if `x` or `h_prev` is not 2-D, their batch sizes differ, `w_ih` is not
            `(3H, I)`, `w_hh` not `(3H, H)`, or a bias not `(3H,)` (no broadcasting: a bias
            `(1,)` or `(1, 3H)`, a weight with one row, are errors). H is read from `h_prev`'s
            last axis and I from `x`'s.
    """
    raise NotImplementedError


def gru_cell_backward(
    dh: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a loss L through one GRU step.

    Args:
        dh: dL/dh, shape `(N, H)`.
        cache: the cache returned by `gru_cell_forward`.

    Returns:
        `(dx, dh_prev, dw_ih, dw_hh, db_ih, db_hh)`, each with the shape of the corresponding
        forward input.

    Raises:
        ValueError: if `dh` is not exactly `(N, H)`, the shape of the hidden state (no
            broadcasting: `(H,)`, `(1, H)` or `(N, 1)` is an error).
    """
    raise NotImplementedError
