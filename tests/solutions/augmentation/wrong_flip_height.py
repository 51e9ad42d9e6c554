# wrong(random_horizontal_flip): flips along H (axis 2, upside down) instead of W (the last axis)
import numpy as np
from correct_vectorised import normalize, random_crop  # noqa: F401


def random_horizontal_flip(x, *, p=0.5, rng):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p={p} is not a probability")
    flip = rng.random(len(x)) < p
    return np.where(flip[:, None, None, None], x[:, :, ::-1, :], x)
