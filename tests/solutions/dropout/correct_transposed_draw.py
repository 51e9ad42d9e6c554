# correct: the uniforms drawn in reversed-axis order (rng.random(shape[::-1]).T), mask in a dict
import numpy as np


def dropout_forward(x, p, *, training=True, rng=None):
    if not (0.0 <= p <= 1.0):
        raise ValueError(f"p must be a probability in [0, 1], got {p!r}")
    x = np.asarray(x, dtype=np.float64)
    if not training or p == 0.0:
        return x.copy(), {"scale": 1.0, "keep": None}
    if p == 1.0:
        return np.zeros(x.shape), {"scale": 0.0, "keep": None}
    if rng is None:
        raise ValueError("rng is required to draw the dropout mask")
    keep = rng.random(x.shape[::-1]).T < 1.0 - p
    scale = 1.0 / (1.0 - p)
    return np.where(keep, x * scale, 0.0), {"scale": scale, "keep": keep}


def dropout_backward(dout, cache):
    dout = np.asarray(dout, dtype=np.float64)
    if cache["keep"] is None:
        return dout * cache["scale"]
    return np.where(cache["keep"], dout * cache["scale"], 0.0)
