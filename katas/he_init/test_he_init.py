"""Hidden tests for `he_init`: shapes, the exact distributions, PyTorch's fans, error rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlkata.judge import (
    check_normal,
    check_reproducible,
    check_symmetric_uniform,
    expect_array,
    expect_value_error,
    ks_test,
    normal_cdf,
    uniform_cdf,
)

FN = "he_init"
MODES = ["fan_in", "fan_out"]
DISTRIBUTIONS = ["normal", "uniform"]
COMBINATIONS = [(m, d) for m in MODES for d in DISTRIBUTIONS]

# Smaller shapes for the fans of every layout: non-square so every fan differs, and the conv
# shapes read differently under TensorFlow's (KH, KW, in, out) layout or without the kernel axes
# past the second (a 5-D conv3d weight).
STAT_SHAPES = [(30, 100), (100, 30), (16, 6, 5, 5), (12, 5, 40), (1, 3000), (8, 4, 3, 3, 3)]

# One call per mode x distribution with about a million values, enough for `check_normal` /
# `check_symmetric_uniform` to see a std off by 2.5 %, a bound 0.5 % short, a truncated normal, a
# sum of uniforms, sorted, mirrored or rescaled samples. 2-D, 4-D and 5-D (conv3d) layouts.
LARGE_CASES = [
    ((800, 1250), {}),  # the defaults: fan_in, normal
    ((64, 32, 8, 8, 8), {"mode": "fan_out", "distribution": "normal"}),
    ((96, 40, 6, 6, 6), {"mode": "fan_in", "distribution": "uniform"}),
    ((256, 64, 8, 8), {"mode": "fan_out", "distribution": "uniform"}),
]

FANS_HINT = (
    "Use PyTorch's fans: receptive = prod(shape[2:]) (every kernel axis, also for a 5-D conv3d "
    "weight), fan_in = shape[1] * receptive, fan_out = shape[0] * receptive (the layout is "
    "(out, in, *kernel), not TensorFlow's)."
)
NORMAL_HINT = (
    "Draw every value independently from a plain normal with std sqrt(2 / fan), as "
    "kaiming_normal_: no truncation, no sum of uniforms, no rescaling or sorting afterwards. "
)
UNIFORM_HINT = (
    "Draw every value independently from U(-a, a) with a = sqrt(6 / fan): U(-a, a) has variance "
    "a^2 / 3, so a^2 / 3 = 2 / fan. The std sqrt(2 / fan) is not the bound. "
)


def fans(shape):
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def fan_of(shape, mode):
    return fans(shape)[0 if mode.lower() == "fan_in" else 1]


def call_text(shape, kwargs):
    return f"he_init({shape}{''.join(f', {k}={v!r}' for k, v in kwargs.items())})"


def draw(solution, shape, seed, **kwargs):
    """The learner's array, after checking its type, shape and dtype."""
    out = solution.he_init(shape, rng=np.random.default_rng(seed), **kwargs)
    return expect_array(out, shape, function=FN, what=call_text(shape, kwargs))


@pytest.mark.parametrize("shape", [(3, 5), (1, 1), (7, 2, 3, 3), (1, 1, 1, 1), (2, 3, 4, 5, 6)])
@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
def test_shape_and_dtype(solution, shape, distribution):
    """A float64 array of exactly the requested shape, small and higher-dimensional shapes."""
    draw(solution, shape, 1, distribution=distribution)


@pytest.mark.parametrize(("shape", "kwargs"), LARGE_CASES)
def test_distribution_with_a_million_values(solution, shape, kwargs):
    """A million values per mode and distribution follow the exact law, drawn independently.

    One call each: the scale, the tails and the shape of the law, and no sorted, mirrored or
    rescaled samples."""
    out = draw(solution, shape, 31, **kwargs)
    mode = kwargs.get("mode", "fan_in")
    fan = fan_of(shape, mode)
    what = call_text(shape, kwargs)
    if kwargs.get("distribution", "normal") == "normal":
        hint = NORMAL_HINT + FANS_HINT
        if not kwargs:
            hint = "The defaults are mode='fan_in' and distribution='normal'. " + hint
        check_normal(out, math.sqrt(2.0 / fan), what=what, function=FN, hint=hint)
    else:
        bound = math.sqrt(6.0 / fan)
        check_symmetric_uniform(out, bound, what=what, function=FN, hint=UNIFORM_HINT + FANS_HINT)


@pytest.mark.parametrize("shape", STAT_SHAPES)
@pytest.mark.parametrize(("mode", "distribution"), COMBINATIONS)
def test_fans_of_every_layout(solution, shape, mode, distribution):
    """PyTorch's fans for 2-D, 3-D, 4-D and 5-D layouts: the exact law (Kolmogorov-Smirnov)."""
    kwargs = {"mode": mode, "distribution": distribution}
    out = draw(solution, shape, 13, **kwargs)
    fan = fan_of(shape, mode)
    what = call_text(shape, kwargs)
    if distribution == "normal":
        law, hint = normal_cdf(0.0, math.sqrt(2.0 / fan)), NORMAL_HINT
    else:
        bound = math.sqrt(6.0 / fan)
        law, hint = uniform_cdf(-bound, bound), UNIFORM_HINT
    ks_test(out, law, what=what, function=FN, hint=hint + FANS_HINT)


@pytest.mark.parametrize(
    ("mode", "distribution"),
    [("FAN_OUT", "Normal"), ("Fan_In", "UNIFORM"), ("fan_out", "Uniform"), ("FAN_IN", "NORMAL")],
)
def test_option_names_ignore_case(solution, mode, distribution):
    """Option names are case-insensitive: "FAN_OUT" is "fan_out", "Normal" is "normal".

    PyTorch lowercases mode; distribution follows the same rule ("Normal" never falls into the
    uniform branch)."""
    shape = (60, 500)
    kwargs = {"mode": mode, "distribution": distribution}
    out = draw(solution, shape, 17, **kwargs)
    fan = fan_of(shape, mode)
    hint = (
        "Compare option names case-insensitively (PyTorch's _calculate_correct_fan lowercases "
        "mode): 'FAN_OUT' is 'fan_out', 'Normal' is 'normal'. " + FANS_HINT
    )
    if distribution.lower() == "normal":
        law = normal_cdf(0.0, math.sqrt(2.0 / fan))
    else:
        law = uniform_cdf(-math.sqrt(6.0 / fan), math.sqrt(6.0 / fan))
    ks_test(out, law, what=call_text(shape, kwargs), function=FN, hint=hint)


@pytest.mark.parametrize(("mode", "distribution"), COMBINATIONS)
@pytest.mark.parametrize("shape", [(6, 4), (5, 3, 2, 2), (3, 2, 2, 2, 2)])
def test_reproducible_from_rng(solution, shape, mode, distribution):
    """Same seed, same array; another seed, another; for every mode and distribution."""
    check_reproducible(solution, FN, shape, seed=21, mode=mode, distribution=distribution)


@pytest.mark.parametrize(("mode", "distribution"), COMBINATIONS)
@pytest.mark.parametrize("shape", [(5,), ()])
def test_fewer_than_two_dimensions(solution, shape, mode, distribution):
    """A shape with fewer than 2 dimensions has no fans: ValueError, for every option."""
    expect_value_error(
        solution,
        FN,
        shape,
        mode=mode,
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=f"shape {shape} has fewer than 2 dimensions, so fan_in and fan_out are undefined",
    )


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
@pytest.mark.parametrize("mode", ["fan_avg", "fan-in", "in", "FAN-OUT", " fan_in"])
def test_unknown_mode(solution, mode, distribution):
    """A mode other than "fan_in" / "fan_out" (any case) is a ValueError, with either law."""
    expect_value_error(
        solution,
        FN,
        (4, 3),
        mode=mode,
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=f"mode={mode!r} is neither 'fan_in' nor 'fan_out'",
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("distribution", ["truncated_normal", "gaussian", "Uniform_", "kaiming"])
def test_unknown_distribution(solution, distribution, mode):
    """A distribution other than "normal" / "uniform" (any case) is a ValueError, either mode."""
    expect_value_error(
        solution,
        FN,
        (4, 3),
        mode=mode,
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=f"distribution={distribution!r} is neither 'normal' nor 'uniform'",
    )
