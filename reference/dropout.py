"""Reference solution for the `dropout` kata: inverted dropout, forward and backward."""

from __future__ import annotations

from typing import Any

import numpy as np


def dropout_forward(
    x: np.ndarray,
    p: float,
    *,
    training: bool = True,
    rng: np.random.Generator | None = None,
) -> tuple[np.ndarray, Any]:
    """Inverted dropout, as `torch.nn.functional.dropout(x, p, training)`.

    Args:
        x: input of any shape.
        p: probability of zeroing each element, `0 <= p <= 1`.
        training: `False` makes the layer the identity.
        rng: required when random numbers are drawn (training with `0 < p < 1`); unused otherwise.

    Returns:
        `(out, cache)`: `out` has `x`'s shape; each element is `x / (1 - p)` with probability
        `1 - p`, independently, and `0` otherwise.

    Raises:
        ValueError: `p` outside `[0, 1]` (whatever `training` is), or `rng` missing when needed.
    """
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability p must be in [0, 1], got {p!r}")
    x = np.asarray(x, dtype=np.float64)
    if not training or p == 0.0:
        # Identity: nothing is dropped and nothing rescaled, so no random numbers are needed.
        return x.copy(), ("identity", None)
    if p == 1.0:
        # Everything is dropped. Never compute x * 0 / 0: that is NaN (and inf * 0 would be too).
        return np.zeros_like(x), ("drop_all", None)
    if rng is None:
        raise ValueError("rng is required when training with 0 < p < 1 (random numbers are drawn)")
    keep = 1.0 - p
    # rng.random() is uniform on [0, 1): P(u < keep) = keep exactly.
    scaled_mask = (rng.random(x.shape) < keep) / keep
    return x * scaled_mask, ("mask", scaled_mask)


def dropout_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient of inverted dropout: the same mask and scale as the forward pass.

    Args:
        dout: upstream gradient, the shape of the forward's output.
        cache: the cache returned by `dropout_forward`.

    Returns:
        `dx`, the shape of `dout`.
    """
    kind, scaled_mask = cache
    dout = np.asarray(dout, dtype=np.float64)
    if kind == "identity":
        return dout.copy()
    if kind == "drop_all":
        return np.zeros_like(dout)
    return dout * scaled_mask
