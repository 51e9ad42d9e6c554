# wrong(he_init): draws half the values and fills the second half with their negation
from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    out = _correct(shape, mode=mode, distribution=distribution, rng=rng)
    flat = out.ravel().copy()
    half = flat.size // 2
    flat[flat.size - half :] = -flat[:half]  # "exactly zero mean"
    return flat.reshape(out.shape)
