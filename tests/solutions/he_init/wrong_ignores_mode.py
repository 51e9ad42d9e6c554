# wrong(he_init): mode is validated but ignored: always fan_in
from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    if mode.lower() not in ("fan_in", "fan_out"):
        raise ValueError(f"unknown mode {mode!r}")
    return _correct(shape, mode="fan_in", distribution=distribution, rng=rng)
