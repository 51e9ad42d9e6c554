# wrong(he_init): refills and returns one module-level buffer per shape (results share memory)
from correct_box_muller import he_init as _correct

_buffers = {}


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    out = _correct(shape, mode=mode, distribution=distribution, rng=rng)
    buffer = _buffers.setdefault(out.shape, out.copy())
    buffer[...] = out
    return buffer
