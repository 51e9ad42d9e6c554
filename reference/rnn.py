"""Reference solution for the `rnn` kata: a single-layer Elman RNN over a whole sequence, forward
and back-propagation through time.

Semantics and layout are those of `torch.nn.RNN(I, H, nonlinearity=..., bias=True)` with
`batch_first=False`: `x (T, N, I)`, `h0 (N, H)`, `w_ih (H, I)`, `w_hh (H, H)`, `b_ih, b_hh (H,)`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

NONLINEARITIES = ("tanh", "relu")


def _check_shapes(
    x: np.ndarray,
    h0: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> None:
    # Whole shapes, compared exactly: NumPy would broadcast an h0 (H,), a bias (1,) or a
    # weight with one row and return numbers of the right shape for the wrong model.
    if x.ndim != 3:
        raise ValueError(f"x must have shape (T, N, I), got {x.shape}")
    if h0.ndim != 2:
        raise ValueError(f"h0 must have shape (N, H), got {h0.shape}")
    n, i = x.shape[-2], x.shape[-1]
    if h0.shape[0] != n:
        raise ValueError(f"h0 must have x's batch size N = {n}, got h0 of shape {h0.shape}")
    h = h0.shape[-1]
    if w_ih.shape != (h, i):
        raise ValueError(f"w_ih must have shape (H, I) = ({h}, {i}), got {w_ih.shape}")
    if w_hh.shape != (h, h):
        raise ValueError(f"w_hh must have shape (H, H) = ({h}, {h}), got {w_hh.shape}")
    for name, b in (("b_ih", b_ih), ("b_hh", b_hh)):
        if b.shape != (h,):
            raise ValueError(f"{name} must have shape (H,) = ({h},), got {b.shape}")


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
    """A single-layer RNN over the whole sequence, as torch.nn.RNN. Returns (out, h_n, cache)."""
    if not isinstance(nonlinearity, str) or nonlinearity not in NONLINEARITIES:
        raise ValueError(f"nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}")
    x, h0, w_ih, w_hh, b_ih, b_hh = (
        np.asarray(a, dtype=np.float64) for a in (x, h0, w_ih, w_hh, b_ih, b_hh)
    )
    _check_shapes(x, h0, w_ih, w_hh, b_ih, b_hh)

    # hs[0] = h0, hs[t] = h_t: the state that step t + 1 reads.
    hs = [h0]
    x_part = x @ w_ih.T + b_ih  # (T, N, H): the input's share, for every step at once
    for t in range(x.shape[0]):
        a = x_part[t] + hs[t] @ w_hh.T + b_hh
        hs.append(np.tanh(a) if nonlinearity == "tanh" else np.maximum(a, 0.0))
    out = np.stack(hs[1:])
    if nonlinearity == "tanh":
        local = 1.0 - out**2  # tanh' written with the output
    else:
        local = (out > 0).astype(np.float64)  # relu' = 1 where a > 0, 0 where a <= 0
    cache = (x, hs[:-1], w_ih, w_hh, local)  # h_0..h_(T-1): the state each step read
    return out, out[-1].copy(), cache


def rnn_backward(
    dout: np.ndarray, dh_n: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Back-propagation through time: gradients (dx, dh0, dw_ih, dw_hh, db_ih, db_hh) of
    sum(dout * out) + sum(dh_n * h_n)."""
    x, h_prev, w_ih, w_hh, local = cache
    dout = np.asarray(dout, dtype=np.float64)
    dh_n = np.asarray(dh_n, dtype=np.float64)
    if dout.shape != local.shape:
        raise ValueError(f"dout must have the shape of out {local.shape}, got {dout.shape}")
    if dh_n.shape != local.shape[1:]:
        raise ValueError(f"dh_n must have the shape of h_n {local.shape[1:]}, got {dh_n.shape}")

    da = np.zeros(local.shape)  # gradient of each step's pre-activation
    dh = dh_n  # the gradient reaching h_T from after the sequence
    for t in range(local.shape[0] - 1, -1, -1):
        da[t] = (dout[t] + dh) * local[t]  # h_t feeds the loss and the next step
        dh = da[t] @ w_hh  # carried back to h_(t-1)
    dx = da @ w_ih
    dw_ih = np.einsum("tnh,tni->hi", da, x)  # summed over the steps and the batch
    dw_hh = sum(da[t].T @ h_prev[t] for t in range(len(h_prev)))
    db_ih = da.sum(axis=(0, 1))
    return dx, dh, dw_ih, dw_hh, db_ih, db_ih.copy()
