# wrong(random_horizontal_flip, random_crop): draws from np.random.default_rng(0), not rng
import numpy as np
from correct_vectorised import normalize  # noqa: F401
from correct_vectorised import random_crop as _crop
from correct_vectorised import random_horizontal_flip as _flip


def random_horizontal_flip(x, *, p=0.5, rng):
    return _flip(x, p=p, rng=np.random.default_rng(0))


def random_crop(x, size, *, padding=0, rng):
    return _crop(x, size, padding=padding, rng=np.random.default_rng(0))
