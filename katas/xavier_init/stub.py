"""Xavier (Glorot) initialisation.

Implement `xavier_init`, which draws a weight array whose variance, 2 / (fan_in + fan_out) times
gain squared, keeps both the forward activations and the backward gradients at about the same
scale through layers with a linear or tanh-like activation. It must behave as
`torch.nn.init.xavier_uniform_` / `xavier_normal_`, including how PyTorch computes the fans.
"""

from collections.abc import Sequence

import numpy as np


def xavier_init(
    shape: Sequence[int],
    *,
    distribution: str = "uniform",
    gain: float = 1.0,
    rng: np.random.Generator,
) -> np.ndarray:
    """Draw a Xavier-initialised weight array.

    Fans, as `torch.nn.init._calculate_fan_in_and_fan_out`, for PyTorch's weight layouts
    (linear `(out_features, in_features)`, convolution `(C_out, C_in, *kernel)`, e.g.
    `(C_out, C_in, KH, KW)` for conv2d and `(C_out, C_in, KD, KH, KW)` for conv3d):
        receptive = prod(shape[2:])   (every kernel axis; 1 for a 2-D shape)
        fan_in    = shape[1] * receptive
        fan_out   = shape[0] * receptive

    Args:
        shape: the weight's shape, at least 2 dimensions (a tuple or list of ints).
        distribution: "uniform" (default): uniform on (-a, a) with
            a = gain * sqrt(6 / (fan_in + fan_out)).
            "normal": mean 0, std = gain * sqrt(2 / (fan_in + fan_out)).
            The name is case-insensitive ("Normal" means "normal"), the rule PyTorch applies
            to kaiming's `mode`.
        gain: non-negative factor on the std (and bound) for the activation that follows,
            e.g. 1 for linear or sigmoid, 5/3 for tanh, sqrt(2) for ReLU
            (`torch.nn.init.calculate_gain`). gain=0 gives zeros.
        rng: the generator to draw from; never use the global np.random state. Every value
            is an independent draw.

    Returns:
        A new float64 array of shape `shape`. The same seed gives the same array, for either
        distribution.

    Raises:
        ValueError: `shape` has fewer than 2 dimensions (or a negative one), `distribution` is
            not "uniform" or "normal" (ignoring case), or `gain` is negative or NaN, also
            when the shape has no elements (PyTorch refuses such a gain too).
    """
    raise NotImplementedError
