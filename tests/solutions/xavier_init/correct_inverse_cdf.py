# correct: vectorised; normals by the inverse normal CDF of rng.random() (Acklam + Newton)
import math

import numpy as np

_erf = np.vectorize(math.erf)


def _standard_normal_ppf(u):
    """Inverse standard-normal CDF, accurate to ~1e-15 after two Newton steps."""
    a = [
        -3.969683028665376e01,
        2.209460984245205e02,
        -2.759285104469687e02,
        1.383577518672690e02,
        -3.066479806614716e01,
        2.506628277459239e00,
    ]
    b = [
        -5.447609879822406e01,
        1.615858368580409e02,
        -1.556989798598866e02,
        6.680131188771972e01,
        -1.328068155288572e01,
    ]
    c = [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e00,
        -2.549732539343734e00,
        4.374664141464968e00,
        2.938163982698783e00,
    ]
    d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00]
    low = 0.02425
    x = np.empty_like(u)
    lo, hi = u < low, u > 1 - low
    mid = ~(lo | hi)
    q = np.sqrt(-2 * np.log(u[lo]))
    x[lo] = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
        (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
    )
    q = np.sqrt(-2 * np.log(1 - u[hi]))
    x[hi] = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
        (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
    )
    q = u[mid] - 0.5
    r = q * q
    x[mid] = (
        (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
        * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    )
    for _ in range(2):
        cdf = 0.5 * (1.0 + _erf(x / math.sqrt(2.0)))
        x = x - (cdf - u) * math.sqrt(2 * math.pi) * np.exp(x * x / 2)
    return x


def xavier_init(shape, *, distribution="uniform", gain=1.0, rng):
    shape = tuple(int(d) for d in shape)
    if len(shape) < 2:
        raise ValueError(f"xavier_init needs at least 2 dimensions, got {shape}")
    if not gain >= 0:
        raise ValueError(f"gain must be >= 0, got {gain}")
    receptive = int(np.prod(shape[2:], dtype=np.int64))
    fan_sum = (shape[0] + shape[1]) * receptive
    distribution = distribution.lower() if isinstance(distribution, str) else distribution
    if distribution == "uniform":
        bound = gain * np.sqrt(6.0 / fan_sum)
        return rng.uniform(-bound, bound, size=shape)
    if distribution == "normal":
        u = 1.0 - rng.random(shape)  # in (0, 1]; the ppf of exactly 1 never occurs in practice
        u = np.minimum(u, 1.0 - 1e-16)
        return gain * np.sqrt(2.0 / fan_sum) * _standard_normal_ppf(u)
    raise ValueError(f"distribution must be 'uniform' or 'normal', not {distribution!r}")
