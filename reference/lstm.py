"""Reference solution for the `lstm` kata: a single-layer LSTM over a whole sequence, forward and
back-propagation through time.

Semantics and layout are those of `torch.nn.LSTM(I, H, bias=True)` with `batch_first=False`:
`x (T, N, I)`, `h0, c0 (N, H)`, `w_ih (4H, I)`, `w_hh (4H, H)`, `b_ih, b_hh (4H,)`, the 4H rows
stacked as input, forget, cell (g), output gates; each step is `lstm_cell`.
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
    h0: np.ndarray,
    c0: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> None:
    # Whole shapes, compared exactly: NumPy would broadcast an h0 (H,), a bias (1,) or a weight
    # with one row and return numbers of the right shape for the wrong model.
    if x.ndim != 3:
        raise ValueError(f"x must have shape (T, N, I), got {x.shape}")
    if h0.ndim != 2:
        raise ValueError(f"h0 must have shape (N, H), got {h0.shape}")
    if c0.shape != h0.shape:
        raise ValueError(f"c0 must have the shape of h0 {h0.shape}, got {c0.shape}")
    n, i = x.shape[-2], x.shape[-1]
    if h0.shape[0] != n:
        raise ValueError(f"h0 and c0 must have x's batch size N = {n}, got {h0.shape}")
    h = h0.shape[-1]
    if w_ih.shape != (4 * h, i):
        raise ValueError(f"w_ih must have shape (4H, I) = ({4 * h}, {i}), got {w_ih.shape}")
    if w_hh.shape != (4 * h, h):
        raise ValueError(f"w_hh must have shape (4H, H) = ({4 * h}, {h}), got {w_hh.shape}")
    for name, b in (("b_ih", b_ih), ("b_hh", b_hh)):
        if b.shape != (4 * h,):
            raise ValueError(f"{name} must have shape (4H,) = ({4 * h},), got {b.shape}")


def lstm_forward(
    x: np.ndarray,
    h0: np.ndarray,
    c0: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, Any]:
    """A single-layer LSTM over the whole sequence, as torch.nn.LSTM.

    Returns (out, h_n, c_n, cache)."""
    x, h0, c0, w_ih, w_hh, b_ih, b_hh = (
        np.asarray(a, dtype=np.float64) for a in (x, h0, c0, w_ih, w_hh, b_ih, b_hh)
    )
    _check_shapes(x, h0, c0, w_ih, w_hh, b_ih, b_hh)
    hidden = h0.shape[-1]

    x_part = x @ w_ih.T + b_ih  # (T, N, 4H): the input's share, for every step at once
    hs, cs = [h0], [c0]  # hs[t] = h_t, cs[t] = c_t
    gates, tanh_cs = [], []
    for t in range(x.shape[0]):
        z = x_part[t] + hs[t] @ w_hh.T + b_hh  # (N, 4H), both biases
        zi, zf, zg, zo = (z[..., k * hidden : (k + 1) * hidden] for k in range(4))
        i, f, g, o = _sigmoid(zi), _sigmoid(zf), np.tanh(zg), _sigmoid(zo)
        c = f * cs[t] + i * g
        tanh_c = np.tanh(c)  # of the new cell state
        hs.append(o * tanh_c)
        cs.append(c)
        gates.append((i, f, g, o))
        tanh_cs.append(tanh_c)
    out = np.stack(hs[1:])
    cache = (x, hs[:-1], cs[:-1], gates, tanh_cs, w_ih, w_hh)  # what each step read and made
    return out, out[-1].copy(), cs[-1].copy(), cache


def lstm_backward(
    dout: np.ndarray, dh_n: np.ndarray, dc_n: np.ndarray, cache: Any
) -> tuple[np.ndarray, ...]:
    """Back-propagation through time: gradients (dx, dh0, dc0, dw_ih, dw_hh, db_ih, db_hh) of
    sum(dout * out) + sum(dh_n * h_n) + sum(dc_n * c_n)."""
    x, h_prev, c_prev, gates, tanh_cs, w_ih, w_hh = cache
    dout, dh_n, dc_n = (np.asarray(a, dtype=np.float64) for a in (dout, dh_n, dc_n))
    state = tanh_cs[-1].shape  # (N, H)
    out_shape = (len(tanh_cs), *state)
    if dout.shape != out_shape:
        raise ValueError(f"dout must have the shape of out {out_shape}, got {dout.shape}")
    if dh_n.shape != state:
        raise ValueError(f"dh_n must have the shape of h_n {state}, got {dh_n.shape}")
    if dc_n.shape != state:
        raise ValueError(f"dc_n must have the shape of c_n {state}, got {dc_n.shape}")

    dz = np.zeros((len(tanh_cs), state[0], 4 * state[1]))  # gradient of each step's z
    dh, dc = dh_n, dc_n  # what reaches h_T and c_T from after the sequence
    for t in range(len(tanh_cs) - 1, -1, -1):
        i, f, g, o = gates[t]
        dh_t = dout[t] + dh  # h_t is an output and the next step's input
        dc_t = dc + dh_t * o * (1.0 - tanh_cs[t] ** 2)  # c_t: the next step and h_t
        dz[t] = np.concatenate(
            [
                dc_t * g * i * (1.0 - i),
                dc_t * c_prev[t] * f * (1.0 - f),
                dc_t * i * (1.0 - g**2),
                dh_t * tanh_cs[t] * o * (1.0 - o),
            ],
            axis=-1,
        )
        dh = dz[t] @ w_hh  # carried back to h_(t-1)
        dc = dc_t * f  # carried back to c_(t-1)
    dx = dz @ w_ih
    dw_ih = np.einsum("tng,tni->gi", dz, x)  # summed over the steps and the batch
    dw_hh = sum(dz[t].T @ h_prev[t] for t in range(len(h_prev)))
    db_ih = dz.sum(axis=(0, 1))
    return dx, dh, dc, dw_ih, dw_hh, db_ih, db_ih.copy()
