"""Kata `lstm_cell`: one step of an LSTM, as `torch.nn.LSTMCell`, in NumPy.

Implement the forward pass of one time step and the backward pass that turns the upstream
gradients of the new hidden and cell states into gradients for every input, weight and bias.
Weights use PyTorch's layout: the 4H rows are the input, forget, cell (g) and output gates, in
that order. All arrays are float64; never modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def lstm_cell_forward(
    x: np.ndarray,
    h_prev: np.ndarray,
    c_prev: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, Any]:
    """One LSTM step.

    `z = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh` has shape `(N, 4H)`; its column blocks
    `[0:H], [H:2H], [2H:3H], [3H:4H]` are the pre-activations of `i, f, g, o`;
    `i, f, o = sigmoid(...)`, `g = tanh(...)`; `c = f * c_prev + i * g`; `h = o * tanh(c)`.

    Args:
        x: inputs, shape `(N, I)`.
        h_prev: previous hidden state, shape `(N, H)`.
        c_prev: previous cell state, shape `(N, H)`.
        w_ih: input-to-hidden weights, shape `(4H, I)` (gates i, f, g, o stacked by rows).
        w_hh: hidden-to-hidden weights, shape `(4H, H)`.
        b_ih: input-to-hidden bias, shape `(4H,)`.
        b_hh: hidden-to-hidden bias, shape `(4H,)`; both biases are added.

    Returns:
        `(h, c, cache)`: the new hidden and cell states, each `(N, H)`; `cache` is anything you
        need in `lstm_cell_backward` (it never leaves your process).

    Raises:
        ValueError: if the shapes do not fit together exactly (no broadcasting): `x` not 2-D,
            `h_prev` not `(N, H)` with `x`'s N (a state of shape `(H,)` or `(1, H)` is an
            error), `c_prev` not the shape of `h_prev`, `w_ih` not `(4H, I)`, `w_hh` not
            `(4H, H)`, or a bias not `(4H,)` (a bias `(1,)` or `(1, 4H)` is an error). H is
            read from `h_prev`'s last axis and I from `x`'s.
    """
    raise NotImplementedError


def lstm_cell_backward(
    dh: np.ndarray, dc: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a loss L through one LSTM step.

    Args:
        dh: dL/dh, shape `(N, H)`.
        dc: the gradient reaching `c` directly from the next time step, shape `(N, H)`; it comes
            on top of the gradient that reaches `c` through `h = o * tanh(c)`.
        cache: the cache returned by `lstm_cell_forward`.

    Returns:
        `(dx, dh_prev, dc_prev, dw_ih, dw_hh, db_ih, db_hh)`, each with the shape of the
        corresponding forward input.

    Raises:
        ValueError: if `dh` or `dc` is not exactly `(N, H)`, the shape of the states (no
            broadcasting: `(H,)` or `(1, H)` is an error).
    """
    raise NotImplementedError
