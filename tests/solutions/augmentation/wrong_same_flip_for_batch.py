# wrong(random_horizontal_flip): one decision for the whole batch: every image flipped, or none

from correct_vectorised import normalize, random_crop  # noqa: F401


def random_horizontal_flip(x, *, p=0.5, rng):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p={p} is not a probability")
    if rng.random() < p:
        return x[:, :, :, ::-1].copy()
    return x.copy()
