"""Inverted dropout, forward and backward.

Implement `dropout_forward` and `dropout_backward` with the semantics of
`torch.nn.functional.dropout(x, p, training)`: during training each element is zeroed with
probability `p` and the survivors are scaled by `1 / (1 - p)`, so the expected output equals `x`
and evaluation mode is the identity.
"""

from typing import Any

import numpy as np


def dropout_forward(
    x: np.ndarray,
    p: float,
    *,
    training: bool = True,
    rng: np.random.Generator | None = None,
) -> tuple[np.ndarray, Any]:
    """Inverted dropout.

    Args:
        x: input array of any shape, float64.
        p: probability of zeroing each element, 0 <= p <= 1.
        training: when False the layer is the identity (no mask, no scaling).
        rng: the generator to draw the mask from. Required when random numbers are drawn,
            i.e. training with 0 < p < 1; unused (may be None) when p == 0, p == 1 or
            training is False. Never use the global np.random state.

    Returns:
        (out, cache). `out` has x's shape: in training, each element independently is
        `x / (1 - p)` with probability `1 - p` and `0` otherwise; the mask depends only on rng
        and x's shape, not on x's values. p == 1 gives all zeros (never
        NaN); p == 0 or training=False gives a copy of x. `cache` is whatever your backward needs.

    Raises:
        ValueError: p is outside [0, 1] (in training and in evaluation mode), or rng is None
            when a mask must be drawn.
    """
    raise NotImplementedError


def dropout_backward(dout: np.ndarray, cache: Any) -> np.ndarray:
    """Gradient of dropout with respect to x.

    Args:
        dout: upstream gradient, the shape of the forward's output.
        cache: the cache returned by the matching `dropout_forward` call.

    Returns:
        dx, the shape of dout: dout through the same mask and scale the forward pass applied
        (dout unchanged after an identity forward, zeros after p == 1). The gradient follows the
        mask, not the output: a kept element whose input was 0 passes dout / (1 - p). Each
        cache is independent of later forward calls.
    """
    raise NotImplementedError
