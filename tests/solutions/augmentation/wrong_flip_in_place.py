# wrong(random_horizontal_flip): mirrors the chosen images inside x itself and returns x
import numpy as np
from correct_vectorised import normalize, random_crop  # noqa: F401


def random_horizontal_flip(x, *, p=0.5, rng):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p={p} is not a probability")
    for n in np.flatnonzero(rng.random(len(x)) < p):
        x[n] = x[n, :, :, ::-1].copy()
    return x
