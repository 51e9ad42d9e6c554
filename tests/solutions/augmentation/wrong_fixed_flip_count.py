# wrong(random_horizontal_flip): flips exactly round(p * N) images, chosen by a permutation
import numpy as np
from correct_vectorised import normalize, random_crop  # noqa: F401


def random_horizontal_flip(x, *, p=0.5, rng):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p={p} is not a probability")
    flip = np.zeros(len(x), dtype=bool)
    flip[rng.permutation(len(x))[: round(p * len(x))]] = True
    return np.where(flip[:, None, None, None], x[:, :, :, ::-1], x)
