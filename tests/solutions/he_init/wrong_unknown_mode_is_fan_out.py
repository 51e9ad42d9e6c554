# wrong(he_init): any mode other than "fan_in" is silently treated as "fan_out" (no ValueError)
from correct_box_muller import he_init as _correct


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    mode = "fan_in" if mode.lower() == "fan_in" else "fan_out"
    return _correct(shape, mode=mode, distribution=distribution, rng=rng)
