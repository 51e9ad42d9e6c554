# wrong(xavier_init): draws half the values and fills the second half with their negation
from correct_inverse_cdf import xavier_init as _correct


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    out = _correct(shape, distribution=distribution, gain=gain, rng=rng)
    flat = out.ravel().copy()
    half = flat.size // 2
    flat[flat.size - half :] = -flat[:half]  # "exactly zero mean"
    return flat.reshape(out.shape)
