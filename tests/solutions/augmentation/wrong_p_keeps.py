# wrong(random_horizontal_flip): p read as the probability of keeping an image
import numpy as np
from correct_vectorised import normalize, random_crop  # noqa: F401


def random_horizontal_flip(x, *, p=0.5, rng):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p={p} is not a probability")
    keep = rng.random(len(x)) < p
    return np.where(keep[:, None, None, None], x, x[:, :, :, ::-1])
