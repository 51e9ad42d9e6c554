"""Hidden tests for `xavier_init`: shapes, the exact distributions, gain, fans, error rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlkata.judge import (
    Fans,
    assert_close,
    check_normal,
    check_reproducible,
    check_symmetric_uniform,
    expect_array,
    expect_value_error,
    ks_test,
    normal_cdf,
    note,
    uniform_cdf,
)

FN = "xavier_init"
DISTRIBUTIONS = ["uniform", "normal"]

# Non-square so that fan_in alone differs from the mean of the fans; the conv shapes read
# differently without the receptive field, without the kernel axes past the second (a 5-D conv3d
# weight) or under TensorFlow's (KH, KW, in, out) layout.
STAT_SHAPES = [(30, 100), (100, 30), (16, 6, 5, 5), (12, 5, 40), (8, 4, 3, 3, 3)]
GAINS = [1.0, math.sqrt(2.0), 5.0 / 3.0, 0.5]

# About a million values per call, two calls per distribution, 2-D, 4-D and 5-D (conv3d)
# layouts: enough for `check_normal` / `check_symmetric_uniform` to see a std off by 2.5 %, a
# bound 0.5 % short, a truncated normal, a sum of uniforms, sorted, mirrored or rescaled samples.
LARGE_CASES = [
    ((64, 32, 8, 8, 8), {}),  # the default: uniform, gain 1
    ((256, 64, 8, 8), {"distribution": "uniform", "gain": 5.0 / 3.0}),
    ((800, 1250), {"distribution": "normal"}),
    ((96, 40, 6, 6, 6), {"distribution": "normal", "gain": math.sqrt(2.0)}),
]


def fan_sum(shape):
    return (shape[0] + shape[1]) * math.prod(shape[2:])


def fans_of(shape):
    """The fans for the diagnosis of a failure (which other fan the learner's std fits)."""
    receptive = math.prod(shape[2:])
    return Fans(shape[1] * receptive, shape[0] * receptive, "fan_avg")


def call_text(shape, kwargs):
    return f"xavier_init({shape}{''.join(f', {k}={v!r}' for k, v in kwargs.items())})"


def draw(solution, shape, seed, **kwargs):
    """The learner's array, after checking its type, shape and dtype."""
    out = solution.xavier_init(shape, rng=np.random.default_rng(seed), **kwargs)
    return expect_array(out, shape, function=FN, what=call_text(shape, kwargs))


def law(shape, distribution, gain):
    std = gain * math.sqrt(2.0 / fan_sum(shape))
    if distribution.lower() == "normal":
        return normal_cdf(0.0, std)
    return uniform_cdf(-math.sqrt(3.0) * std, math.sqrt(3.0) * std)


@pytest.mark.parametrize("shape", [(3, 5), (1, 1), (7, 2, 3, 3), (1, 1, 1, 1), (2, 3, 4, 5, 6)])
@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
def test_shape_and_dtype(solution, shape, distribution):
    draw(solution, shape, 1, distribution=distribution)


@pytest.mark.parametrize(("shape", "kwargs"), LARGE_CASES)
def test_distribution_with_a_million_values(solution, shape, kwargs):
    # One call each: the scale, the tails and the shape of the law, and no sorted, mirrored or
    # rescaled samples.
    out = draw(solution, shape, 31, **kwargs)
    gain = kwargs.get("gain", 1.0)
    std = gain * math.sqrt(2.0 / fan_sum(shape))
    what = call_text(shape, kwargs)
    if kwargs.get("distribution", "uniform") == "normal":
        hint = note("normal", "gain", "fans")
        check_normal(out, std, what=what, function=FN, hint=hint, fans=fans_of(shape))
    else:
        hint = note("uniform", "gain", "fans")
        check_symmetric_uniform(
            out, math.sqrt(3.0) * std, what=what, function=FN, hint=hint, fans=fans_of(shape)
        )


@pytest.mark.parametrize("shape", STAT_SHAPES)
@pytest.mark.parametrize("gain", GAINS)
def test_uniform_by_default(solution, shape, gain):
    out = draw(solution, shape, 11, gain=gain)
    what = note("default_distribution", call=f"xavier_init({shape}, gain={gain:.6g})")
    hint = note("uniform", "gain", "fans")
    law_ = law(shape, "uniform", gain)
    ks_test(out, law_, what=what, function=FN, hint=hint, fans=fans_of(shape))


@pytest.mark.parametrize("shape", STAT_SHAPES)
@pytest.mark.parametrize("gain", GAINS)
def test_normal(solution, shape, gain):
    out = draw(solution, shape, 12, distribution="normal", gain=gain)
    what = f"xavier_init({shape}, distribution='normal', gain={gain:.6g})"
    hint = note("normal", "gain", "fans")
    law_ = law(shape, "normal", gain)
    ks_test(out, law_, what=what, function=FN, hint=hint, fans=fans_of(shape))


@pytest.mark.parametrize("distribution", ["Normal", "UNIFORM", "Uniform", "NORMAL"])
def test_distribution_name_ignores_case(solution, distribution):
    shape = (60, 500)
    kwargs = {"distribution": distribution, "gain": 1.5}
    out = draw(solution, shape, 17, **kwargs)
    hint = note("case")
    ks_test(
        out, law(shape, distribution, 1.5), what=call_text(shape, kwargs), function=FN, hint=hint
    )


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
def test_gain_zero_gives_zeros(solution, distribution):
    shape = (4, 6)
    out = draw(solution, shape, 3, distribution=distribution, gain=0.0)
    assert_close(
        out,
        np.zeros(shape),
        what=f"xavier_init({shape}, distribution={distribution!r}, gain=0)",
        function=FN,
        hint=note("gain"),
    )


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
@pytest.mark.parametrize(
    ("shape", "gain"), [((6, 4), 1.0), ((5, 3, 2, 2), 2.0), ((3, 2, 2, 2, 2), 0.5)]
)
def test_reproducible_from_rng(solution, shape, gain, distribution):
    check_reproducible(solution, FN, shape, seed=21, distribution=distribution, gain=gain)


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
@pytest.mark.parametrize("shape", [(5,), ()])
def test_fewer_than_two_dimensions(solution, shape, distribution):
    expect_value_error(
        solution,
        FN,
        shape,
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=note("fewer_than_two_dims", shape=shape),
    )


@pytest.mark.parametrize("distribution", ["gaussian", "truncated_normal", "xavier", "normal "])
def test_unknown_distribution(solution, distribution):
    expect_value_error(
        solution,
        FN,
        (4, 3),
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=note("unknown_distribution", distribution=repr(distribution)),
    )


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
@pytest.mark.parametrize("gain", [-1.0, -0.5, math.nan])
def test_negative_or_nan_gain(solution, gain, distribution):
    for shape in [(4, 3), (0, 4), (3, 0, 2)]:
        expect_value_error(
            solution,
            FN,
            shape,
            distribution=distribution,
            gain=gain,
            rng=np.random.default_rng(0),
            because=note("bad_gain", gain=repr(gain)),
        )
