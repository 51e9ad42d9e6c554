"""Kata `rnn`: a single-layer RNN over a whole sequence, as `torch.nn.RNN`, in NumPy.

Implement the forward pass over all time steps and the backward pass, back-propagation through
time, that turns the gradients on every output step and on the final hidden state into gradients
for the inputs, the initial state, the weights and both biases. Sequences are sequence-first,
`(T, N, features)`, as PyTorch's default `batch_first=False`. All arrays are float64; never
modify an input in place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def rnn_forward(
    x: np.ndarray,
    h0: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
    *,
    nonlinearity: str = "tanh",
) -> tuple[np.ndarray, np.ndarray, Any]:
    """A single-layer RNN over the whole sequence, as `torch.nn.RNN(I, H, bias=True)`.

    For `t = 1..T`: `h_t = act(x_t @ w_ih.T + b_ih + h_(t-1) @ w_hh.T + b_hh)`, starting from
    the given `h0`, where `act` is `tanh` or `relu` (`max(a, 0)`).

    Args:
        x: the input sequence, shape `(T, N, I)` (time first), `T >= 1`.
        h0: the initial hidden state, shape `(N, H)` (torch's `h0` without its layer axis).
        w_ih: input-to-hidden weights, shape `(H, I)` (torch's `weight_ih_l0`).
        w_hh: hidden-to-hidden weights, shape `(H, H)` (torch's `weight_hh_l0`).
        b_ih: input-to-hidden bias, shape `(H,)`.
        b_hh: hidden-to-hidden bias, shape `(H,)`; both biases are added at every step.
        nonlinearity: exactly `"tanh"` or `"relu"`.

    Returns:
        `(out, h_n, cache)`: `out (T, N, H)` stacks `h_1..h_T`; `h_n = h_T`, shape `(N, H)`;
        `cache` is anything you need in `rnn_backward` (it never leaves your process).

    Raises:
        ValueError: if `nonlinearity` is not exactly `"tanh"` or `"relu"` (`"Tanh"` is an
            error), `x` is not 3-D, `h0` is not 2-D, or any size does not match exactly (no
            broadcasting): `h0` not `(N, H)` with `x`'s N, `w_ih` not `(H, I)`, `w_hh` not
            `(H, H)`, a bias not `(H,)`. H is read from `h0`'s last axis and I from `x`'s.
    """
    raise NotImplementedError


def rnn_backward(
    dout: np.ndarray, dh_n: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Back-propagation through time.

    Returns the full gradient of `sum(dout * out) + sum(dh_n * h_n)` with respect to every
    input of the forward pass. The derivative of `relu` at exactly 0 is taken as 0.

    Args:
        dout: the gradient on every output step, shape `(T, N, H)` (possibly zeros).
        dh_n: an extra gradient on the final hidden state `h_n`, shape `(N, H)` (possibly
            zeros); it comes on top of `dout[-1]`.
        cache: the cache returned by `rnn_forward`.

    Returns:
        `(dx, dh0, dw_ih, dw_hh, db_ih, db_hh)`, each with the shape of the corresponding forward
        input; the weight and bias gradients are summed over all time steps and the batch.

    Raises:
        ValueError: if `dout` is not exactly the shape of `out` or `dh_n` not exactly `(N, H)`
            (no broadcasting).
    """
    raise NotImplementedError
