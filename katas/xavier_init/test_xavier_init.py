"""Hidden tests for `xavier_init`: shapes, the exact distributions, gain, fans, error rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlkata.judge import (
    assert_close,
    binomial_test,
    check_reproducible,
    check_symmetric_uniform,
    expect_array,
    expect_value_error,
    ks_test,
    normal_cdf,
)

FN = "xavier_init"

# Non-square so that fan_in alone differs from the mean of the fans; the conv shapes read
# differently without the receptive field or under TensorFlow's (KH, KW, in, out) layout.
STAT_SHAPES = [(30, 100), (100, 30), (16, 6, 5, 5), (12, 5, 40)]
GAINS = [1.0, math.sqrt(2.0), 5.0 / 3.0, 0.5]

FANS_HINT = (
    "Use PyTorch's fans: receptive = prod(shape[2:]), fan_in = shape[1] * receptive, "
    "fan_out = shape[0] * receptive; Xavier needs both: 2 / (fan_in + fan_out)."
)
GAIN_HINT = "The gain multiplies the std and the bound (the variance gets gain ** 2)."


def fan_sum(shape):
    return (shape[0] + shape[1]) * math.prod(shape[2:])


def draw(solution, shape, seed, **kwargs):
    """The learner's array, after checking its type, shape and dtype."""
    out = solution.xavier_init(shape, rng=np.random.default_rng(seed), **kwargs)
    return expect_array(out, shape, function=FN, what=f"xavier_init{shape!r}")


@pytest.mark.parametrize("shape", [(3, 5), (1, 1), (7, 2, 3, 3), (1, 1, 1, 1), (2, 3, 4, 5, 6)])
@pytest.mark.parametrize("distribution", ["uniform", "normal"])
def test_shape_and_dtype(solution, shape, distribution):
    """A float64 array of exactly the requested shape, small and higher-dimensional shapes."""
    draw(solution, shape, 1, distribution=distribution)


@pytest.mark.parametrize("shape", STAT_SHAPES)
@pytest.mark.parametrize("gain", GAINS)
def test_uniform_by_default(solution, shape, gain):
    """Default distribution: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)), filled."""
    out = draw(solution, shape, 11, gain=gain)
    bound = gain * math.sqrt(6.0 / fan_sum(shape))
    what = f"xavier_init({shape}, gain={gain:.6g}) (default distribution)"
    hint = (
        "The default is uniform with bound gain * sqrt(6 / (fan_in + fan_out)) = sqrt(3) * std. "
        + GAIN_HINT
        + " "
        + FANS_HINT
    )
    check_symmetric_uniform(out, bound, what=what, function=FN, hint=hint)


@pytest.mark.parametrize("shape", STAT_SHAPES)
@pytest.mark.parametrize("gain", GAINS)
def test_normal(solution, shape, gain):
    """distribution="normal": N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out))."""
    out = draw(solution, shape, 12, distribution="normal", gain=gain)
    std = gain * math.sqrt(2.0 / fan_sum(shape))
    what = f"xavier_init({shape}, distribution='normal', gain={gain:.6g})"
    hint = "The std is gain * sqrt(2 / (fan_in + fan_out)). " + GAIN_HINT + " " + FANS_HINT
    ks_test(out, normal_cdf(0.0, std), what=what, function=FN, hint=hint)


def test_normal_has_full_tails(solution):
    """The normal is not truncated: about 1.24 % of 12000 values lie beyond 2.5 std."""
    shape = (100, 120)
    out = draw(solution, shape, 15, distribution="normal")
    std = math.sqrt(2.0 / 220)
    binomial_test(
        int(np.sum(np.abs(out) > 2.5 * std)),
        out.size,
        math.erfc(2.5 / math.sqrt(2.0)),  # P(|Z| > 2.5)
        what=f"xavier_init({shape}, distribution='normal'): values beyond 2.5 std",
        function=FN,
        hint="Draw from a plain normal, as xavier_normal_, not a truncated one (Keras's "
        "glorot_normal truncates at 2 std).",
    )


@pytest.mark.parametrize("distribution", ["uniform", "normal"])
def test_gain_zero_gives_zeros(solution, distribution):
    """gain=0 gives an all-zero array (std and bound are 0), as PyTorch."""
    shape = (4, 6)
    out = draw(solution, shape, 3, distribution=distribution, gain=0.0)
    assert_close(
        out,
        np.zeros(shape),
        what=f"xavier_init({shape}, distribution={distribution!r}, gain=0)",
        function=FN,
        hint=GAIN_HINT,
    )


@pytest.mark.parametrize(
    ("shape", "kwargs"),
    [((6, 4), {}), ((5, 3, 2, 2), {"distribution": "normal"}), ((4, 9), {"gain": 2.0})],
)
def test_reproducible_from_rng(solution, shape, kwargs):
    """The same seed gives the same array, another seed another; all randomness comes from rng."""
    check_reproducible(solution, FN, shape, seed=21, **kwargs)


@pytest.mark.parametrize("shape", [(5,), ()])
def test_fewer_than_two_dimensions(solution, shape):
    """A shape with fewer than 2 dimensions has no fans: ValueError."""
    expect_value_error(
        solution,
        FN,
        shape,
        rng=np.random.default_rng(0),
        because=f"shape {shape} has fewer than 2 dimensions, so fan_in and fan_out are undefined",
    )


@pytest.mark.parametrize("distribution", ["gaussian", "truncated_normal", "Normal"])
def test_unknown_distribution(solution, distribution):
    """A distribution other than "uniform" / "normal" is a ValueError."""
    expect_value_error(
        solution,
        FN,
        (4, 3),
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=f"distribution={distribution!r} is neither 'uniform' nor 'normal'",
    )


@pytest.mark.parametrize("distribution", ["uniform", "normal"])
def test_negative_gain(solution, distribution):
    """A negative gain is a ValueError (PyTorch refuses it too)."""
    expect_value_error(
        solution,
        FN,
        (4, 3),
        distribution=distribution,
        gain=-1.0,
        rng=np.random.default_rng(0),
        because="gain=-1.0 is negative: a std cannot be negative",
    )
