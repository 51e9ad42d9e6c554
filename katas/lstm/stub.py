"""Kata `lstm`: a single-layer LSTM over a whole sequence, as `torch.nn.LSTM`, in NumPy.

Implement the forward pass over all time steps (each step is one `lstm_cell` step) and the
backward pass, back-propagation through time, that turns the gradients on every output step and
on the final hidden and cell states into gradients for the inputs, both initial states, the
weights and both biases. Weights use PyTorch's layout: the 4H rows are the input, forget, cell
(g) and output gates, in that order. Sequences are sequence-first, `(T, N, features)`. All arrays
are float64; never modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def lstm_forward(
    x: np.ndarray,
    h0: np.ndarray,
    c0: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, Any]:
    """A single-layer LSTM over the whole sequence, as `torch.nn.LSTM(I, H, bias=True)`.

    For `t = 1..T`, starting from the given `h0` and `c0`:
    `z = x_t @ w_ih.T + b_ih + h_(t-1) @ w_hh.T + b_hh` has shape `(N, 4H)`; its column blocks
    `[0:H], [H:2H], [2H:3H], [3H:4H]` are the pre-activations of `i, f, g, o`;
    `i, f, o = sigmoid(...)`, `g = tanh(...)`; `c_t = f * c_(t-1) + i * g`;
    `h_t = o * tanh(c_t)`.

    Args:
        x: the input sequence, shape `(T, N, I)` (time first), `T >= 1`.
        h0: the initial hidden state, shape `(N, H)` (torch's `h_0` without its layer axis).
        c0: the initial cell state, shape `(N, H)`.
        w_ih: input-to-hidden weights, shape `(4H, I)` (gates i, f, g, o stacked by rows).
        w_hh: hidden-to-hidden weights, shape `(4H, H)`.
        b_ih: input-to-hidden bias, shape `(4H,)`.
        b_hh: hidden-to-hidden bias, shape `(4H,)`; both biases are added at every step.

    Returns:
        `(out, h_n, c_n, cache)`: `out (T, N, H)` stacks `h_1..h_T`; `h_n = h_T` and
        `c_n = c_T`, each `(N, H)`; `cache` is anything you need in `lstm_backward` (it never
        leaves your process).

    Raises:
        ValueError: if `x` is not 3-D, `h0` is not 2-D, `c0`'s shape differs from `h0`'s, or
            any size does not match exactly (no broadcasting): `h0` without `x`'s N, `w_ih` not
            `(4H, I)`, `w_hh` not `(4H, H)` (other than 4H rows included), a bias not `(4H,)`.
            H is read from `h0`'s last axis and I from `x`'s.
    """
    raise NotImplementedError


def lstm_backward(
    dout: np.ndarray, dh_n: np.ndarray, dc_n: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Back-propagation through time.

    Returns the full gradient of `sum(dout * out) + sum(dh_n * h_n) + sum(dc_n * c_n)` with
    respect to every input of the forward pass.

    Args:
        dout: the gradient on every output step, shape `(T, N, H)` (possibly zeros).
        dh_n: an extra gradient on the final hidden state `h_n`, shape `(N, H)` (possibly
            zeros); it comes on top of `dout[-1]`.
        dc_n: the gradient on the final cell state `c_n`, shape `(N, H)` (possibly zeros).
        cache: the cache returned by `lstm_forward`.

    Returns:
        `(dx, dh0, dc0, dw_ih, dw_hh, db_ih, db_hh)`, each with the shape of the corresponding
        forward input; the weight and bias gradients are summed over all time steps and the
        batch.

    Raises:
        ValueError: if `dout` is not exactly the shape of `out`, or `dh_n` or `dc_n` not exactly
            `(N, H)` (no broadcasting).
    """
    raise NotImplementedError
