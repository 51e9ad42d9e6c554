# wrong(he_init): Keras's conv fans for a (KH, KW, in, out) kernel: receptive = prod(shape[:-2])
import math


def he_init(shape, *, mode="fan_in", distribution="normal", rng):
    shape = tuple(shape)
    mode, distribution = mode.lower(), distribution.lower()
    if len(shape) < 2:
        raise ValueError("shape needs at least 2 dimensions")
    if mode not in ("fan_in", "fan_out") or distribution not in ("normal", "uniform"):
        raise ValueError("unknown mode or distribution")
    if len(shape) == 2:
        fan_in, fan_out = shape[1], shape[0]  # dense weights handled the PyTorch way
    else:
        receptive = math.prod(shape[:-2])
        fan_in, fan_out = shape[-2] * receptive, shape[-1] * receptive
    fan = fan_in if mode == "fan_in" else fan_out
    if distribution == "normal":
        return rng.normal(0.0, math.sqrt(2.0 / fan), size=shape)
    bound = math.sqrt(6.0 / fan)
    return rng.uniform(-bound, bound, size=shape)
