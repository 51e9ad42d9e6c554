"""He (Kaiming) initialisation.

Implement `he_init`, which draws a weight array for a layer followed by a ReLU so that the
variance of the activations (mode="fan_in") or of the gradients (mode="fan_out") stays the same
from layer to layer. It must behave as `torch.nn.init.kaiming_normal_` / `kaiming_uniform_` with
`nonlinearity="relu"` and `a=0`, including how PyTorch computes the fans.
"""

from collections.abc import Sequence

import numpy as np


def he_init(
    shape: Sequence[int],
    *,
    mode: str = "fan_in",
    distribution: str = "normal",
    rng: np.random.Generator,
) -> np.ndarray:
    """Draw a He-initialised weight array.

    Fans, as `torch.nn.init._calculate_fan_in_and_fan_out`, for PyTorch's weight layouts
    (linear `(out_features, in_features)`, convolution `(C_out, C_in, *kernel)`, e.g.
    `(C_out, C_in, KH, KW)` for conv2d and `(C_out, C_in, KD, KH, KW)` for conv3d):
        receptive = prod(shape[2:])   (every kernel axis; 1 for a 2-D shape)
        fan_in    = shape[1] * receptive
        fan_out   = shape[0] * receptive

    Args:
        shape: the weight's shape, at least 2 dimensions (a tuple or list of ints).
        mode: "fan_in" (default) or "fan_out": which fan sets the scale.
        distribution: "normal" (default): mean 0, std sqrt(2 / fan).
            "uniform": uniform on (-sqrt(6 / fan), sqrt(6 / fan)).
            Both option names are case-insensitive: PyTorch lowercases `mode` (so "FAN_OUT"
            means "fan_out"), and `distribution` follows the same rule ("Normal" means
            "normal").
        rng: the generator to draw from; never use the global np.random state. Every value
            is an independent draw.

    Returns:
        A new float64 array of shape `shape`. The same seed gives the same array, for every
        mode and distribution.

    Raises:
        ValueError: `shape` has fewer than 2 dimensions (or a negative one), or `mode` /
            `distribution` is not one of the names above, ignoring case (e.g. "fan-in",
            "gaussian"), whatever the other option is.
    """
    raise NotImplementedError
