# wrong(random_horizontal_flip): decisions for half the batch, repeated for the other half
import numpy as np
from correct_vectorised import normalize, random_crop  # noqa: F401


def random_horizontal_flip(x, *, p=0.5, rng):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p={p} is not a probability")
    half = rng.random((len(x) + 1) // 2) < p
    flip = np.tile(half, 2)[: len(x)]
    return np.where(flip[:, None, None, None], x[:, :, :, ::-1], x)
