"""Reference solution for the `lstm_cell` kata: one LSTM step, forward and backward.

Semantics and weight layout are those of `torch.nn.LSTMCell`: `w_ih (4H, I)`, `w_hh (4H, H)`,
`b_ih (4H,)`, `b_hh (4H,)`, the 4H rows stacked as input, forget, cell (g), output gates.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # exp of a non-positive number only: no overflow, full relative precision on both tails.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _check_shapes(
    x: np.ndarray,
    h_prev: np.ndarray,
    c_prev: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> None:
    # Shapes must fit exactly: NumPy would broadcast a state (H,), a weight (1, I) or a bias (1,)
    # without complaint and return numbers of the right shape for the wrong model.
    if x.ndim != 2:
        raise ValueError(f"x must have shape (N, I), got {x.shape}")
    n, i = x.shape[0], x.shape[-1]
    h = h_prev.shape[-1] if h_prev.ndim else 0
    if h_prev.shape != (n, h):
        raise ValueError(f"h_prev must have shape (N, H) with x's N = {n}, got {h_prev.shape}")
    if c_prev.shape != (n, h):
        raise ValueError(f"c_prev must have the shape of h_prev ({n}, {h}), got {c_prev.shape}")
    if w_ih.shape != (4 * h, i):
        raise ValueError(f"w_ih must have shape (4H, I) = ({4 * h}, {i}), got {w_ih.shape}")
    if w_hh.shape != (4 * h, h):
        raise ValueError(f"w_hh must have shape (4H, H) = ({4 * h}, {h}), got {w_hh.shape}")
    for name, b in (("b_ih", b_ih), ("b_hh", b_hh)):
        if b.shape != (4 * h,):
            raise ValueError(f"{name} must have shape (4H,) = ({4 * h},), got {b.shape}")


def lstm_cell_forward(
    x: np.ndarray,
    h_prev: np.ndarray,
    c_prev: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, Any]:
    """One LSTM step as torch.nn.LSTMCell. Returns (h, c, cache)."""
    x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh = (
        np.asarray(a, dtype=np.float64) for a in (x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh)
    )
    _check_shapes(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh)
    hidden = h_prev.shape[-1]

    z = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh  # (N, 4H), both biases
    zi, zf, zg, zo = (z[:, k * hidden : (k + 1) * hidden] for k in range(4))
    i, f, o = _sigmoid(zi), _sigmoid(zf), _sigmoid(zo)
    g = np.tanh(zg)  # the candidate is tanh, not sigmoid: it must be able to be negative
    c = f * c_prev + i * g
    tanh_c = np.tanh(c)  # of the NEW cell state
    h = o * tanh_c
    cache = (x, h_prev, c_prev, w_ih, w_hh, i, f, g, o, tanh_c)
    return h, c, cache


def lstm_cell_backward(
    dh: np.ndarray, dc: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dh_prev, dc_prev, dw_ih, dw_hh, db_ih, db_hh) of one LSTM step.

    dh and dc are the upstream gradients of h and c; dc is the part that reaches c directly
    from the next time step, on top of what flows into c through h = o * tanh(c).
    """
    x, h_prev, c_prev, w_ih, w_hh, i, f, g, o, tanh_c = cache
    dh = np.asarray(dh, dtype=np.float64)
    dc = np.asarray(dc, dtype=np.float64)
    if dh.shape != h_prev.shape or dc.shape != h_prev.shape:
        raise ValueError(f"dh and dc must have shape {h_prev.shape}, got {dh.shape} and {dc.shape}")

    # Total gradient reaching c: the direct path plus the path through h.
    dc_total = dc + dh * o * (1.0 - tanh_c**2)
    # Gradients with respect to the pre-activations, each gate times its local derivative.
    dzi = dc_total * g * i * (1.0 - i)
    dzf = dc_total * c_prev * f * (1.0 - f)
    dzg = dc_total * i * (1.0 - g**2)
    dzo = dh * tanh_c * o * (1.0 - o)
    dz = np.concatenate([dzi, dzf, dzg, dzo], axis=1)  # (N, 4H), same gate order as z

    dx = dz @ w_ih
    dh_prev = dz @ w_hh
    dc_prev = dc_total * f
    dw_ih = dz.T @ x
    dw_hh = dz.T @ h_prev
    db_ih = dz.sum(axis=0)
    db_hh = db_ih.copy()  # both biases are added to the same z
    return dx, dh_prev, dc_prev, dw_ih, dw_hh, db_ih, db_hh
