"""Reference solution for the `gru_cell` kata: one GRU step, forward and backward.

Semantics and weight layout are those of `torch.nn.GRUCell`: `w_ih (3H, I)`, `w_hh (3H, H)`,
`b_ih (3H,)`, `b_hh (3H,)`, the 3H rows stacked as reset `r`, update `z` and new `n` gates. The
reset gate multiplies the whole hidden projection of the new gate, bias included
(`r * (h_prev @ W_hn.T + b_hn)`), as PyTorch and cuDNN compute it.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _sigmoid(a: np.ndarray) -> np.ndarray:
    # exp of a non-positive number only: no overflow, full relative precision on both tails.
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _check_shapes(
    x: np.ndarray,
    h_prev: np.ndarray,
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
    if h_prev.ndim != 2:
        raise ValueError(f"h_prev must have shape (N, H), got {h_prev.shape}")
    if h_prev.shape[0] != n:
        raise ValueError(f"h_prev must have x's batch size {n}, got {h_prev.shape[0]}")
    if w_ih.shape != (3 * h, i):
        raise ValueError(f"w_ih must have shape (3H, I) = ({3 * h}, {i}), got {w_ih.shape}")
    if w_hh.shape != (3 * h, h):
        raise ValueError(f"w_hh must have shape (3H, H) = ({3 * h}, {h}), got {w_hh.shape}")
    for name, b in (("b_ih", b_ih), ("b_hh", b_hh)):
        if b.shape != (3 * h,):
            raise ValueError(f"{name} must have shape (3H,) = ({3 * h},), got {b.shape}")


def gru_cell_forward(
    x: np.ndarray,
    h_prev: np.ndarray,
    w_ih: np.ndarray,
    w_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, Any]:
    """One GRU step as torch.nn.GRUCell. Returns (h, cache)."""
    x, h_prev, w_ih, w_hh, b_ih, b_hh = (
        np.asarray(a, dtype=np.float64) for a in (x, h_prev, w_ih, w_hh, b_ih, b_hh)
    )
    _check_shapes(x, h_prev, w_ih, w_hh, b_ih, b_hh)
    hidden = h_prev.shape[-1]

    gi = x @ w_ih.T + b_ih  # (N, 3H): the input's share of r, z, n
    gh = h_prev @ w_hh.T + b_hh  # (N, 3H): the hidden state's share, b_hh included
    gi_r, gi_z, gi_n = (gi[..., k * hidden : (k + 1) * hidden] for k in range(3))
    gh_r, gh_z, gh_n = (gh[..., k * hidden : (k + 1) * hidden] for k in range(3))
    r = _sigmoid(gi_r + gh_r)
    z = _sigmoid(gi_z + gh_z)
    n = np.tanh(gi_n + r * gh_n)  # r scales h_prev @ W_hn.T + b_hn, its bias included
    h = (1.0 - z) * n + z * h_prev  # z near 1 keeps the old state
    cache = (x, h_prev, w_ih, w_hh, r, z, n, gh_n)
    return h, cache


def gru_cell_backward(
    dh: np.ndarray, cache: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dh_prev, dw_ih, dw_hh, db_ih, db_hh) of one GRU step, given dL/dh."""
    x, h_prev, w_ih, w_hh, r, z, n, gh_n = cache
    dh = np.asarray(dh, dtype=np.float64)
    if dh.shape != h_prev.shape:
        raise ValueError(f"dh must have shape {h_prev.shape}, got {dh.shape}")

    # h = (1 - z) * n + z * h_prev
    dn = dh * (1.0 - z)
    dz = dh * (h_prev - n)
    # pre-activations: a_n = gi_n + r * gh_n, a_z = gi_z + gh_z, a_r = gi_r + gh_r
    da_n = dn * (1.0 - n**2)
    da_z = dz * z * (1.0 - z)
    da_r = da_n * gh_n * r * (1.0 - r)  # the reset gate's gradient, through r * gh_n

    dgi = np.concatenate([da_r, da_z, da_n], axis=1)  # (N, 3H), order r, z, n
    dgh = np.concatenate([da_r, da_z, da_n * r], axis=1)  # gh_n enters only through r * gh_n

    dx = dgi @ w_ih
    dh_prev = dgh @ w_hh + dh * z  # through the gates, and directly through z * h_prev
    dw_ih = dgi.T @ x
    dw_hh = dgh.T @ h_prev
    db_ih = dgi.sum(axis=0)
    db_hh = dgh.sum(axis=0)  # differs from db_ih in the n block: there it is scaled by r
    return dx, dh_prev, dw_ih, dw_hh, db_ih, db_hh
