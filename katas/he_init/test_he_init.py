"""Hidden tests for `he_init`: shapes, the exact distributions, PyTorch's fans, error rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlkata.judge import (
    Fans,
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


def fans(shape):
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def fans_of(shape, mode):
    """The fans for the diagnosis of a failure (which other fan the learner's std fits)."""
    return Fans(*fans(shape), mode.lower())


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
    draw(solution, shape, 1, distribution=distribution)


@pytest.mark.parametrize(("shape", "kwargs"), LARGE_CASES)
def test_distribution_with_a_million_values(solution, shape, kwargs):
    # One call each: the scale, the tails and the shape of the law, and no sorted, mirrored or
    # rescaled samples.
    out = draw(solution, shape, 31, **kwargs)
    mode = kwargs.get("mode", "fan_in")
    fan = fan_of(shape, mode)
    what = call_text(shape, kwargs)
    if kwargs.get("distribution", "normal") == "normal":
        hint = note("defaults", "normal", "fans") if not kwargs else note("normal", "fans")
        check_normal(
            out, math.sqrt(2.0 / fan), what=what, function=FN, hint=hint, fans=fans_of(shape, mode)
        )
    else:
        check_symmetric_uniform(
            out,
            math.sqrt(6.0 / fan),
            what=what,
            function=FN,
            hint=note("uniform", "fans"),
            fans=fans_of(shape, mode),
        )


@pytest.mark.parametrize("shape", STAT_SHAPES)
@pytest.mark.parametrize(("mode", "distribution"), COMBINATIONS)
def test_fans_of_every_layout(solution, shape, mode, distribution):
    kwargs = {"mode": mode, "distribution": distribution}
    out = draw(solution, shape, 13, **kwargs)
    fan = fan_of(shape, mode)
    what = call_text(shape, kwargs)
    if distribution == "normal":
        law, hint = normal_cdf(0.0, math.sqrt(2.0 / fan)), note("normal", "fans")
    else:
        bound = math.sqrt(6.0 / fan)
        law, hint = uniform_cdf(-bound, bound), note("uniform", "fans")
    ks_test(out, law, what=what, function=FN, hint=hint, fans=fans_of(shape, mode))


@pytest.mark.parametrize(
    ("mode", "distribution"),
    [("FAN_OUT", "Normal"), ("Fan_In", "UNIFORM"), ("fan_out", "Uniform"), ("FAN_IN", "NORMAL")],
)
def test_option_names_ignore_case(solution, mode, distribution):
    # PyTorch lowercases mode; distribution follows the same rule ("Normal" never falls into the
    # uniform branch).
    shape = (60, 500)
    kwargs = {"mode": mode, "distribution": distribution}
    out = draw(solution, shape, 17, **kwargs)
    fan = fan_of(shape, mode)
    hint = note("case", "fans")
    if distribution.lower() == "normal":
        law = normal_cdf(0.0, math.sqrt(2.0 / fan))
    else:
        law = uniform_cdf(-math.sqrt(6.0 / fan), math.sqrt(6.0 / fan))
    ks_test(
        out, law, what=call_text(shape, kwargs), function=FN, hint=hint, fans=fans_of(shape, mode)
    )


@pytest.mark.parametrize(("mode", "distribution"), COMBINATIONS)
@pytest.mark.parametrize("shape", [(6, 4), (5, 3, 2, 2), (3, 2, 2, 2, 2)])
def test_reproducible_from_rng(solution, shape, mode, distribution):
    check_reproducible(solution, FN, shape, seed=21, mode=mode, distribution=distribution)


@pytest.mark.parametrize(("mode", "distribution"), COMBINATIONS)
@pytest.mark.parametrize("shape", [(5,), ()])
def test_fewer_than_two_dimensions(solution, shape, mode, distribution):
    expect_value_error(
        solution,
        FN,
        shape,
        mode=mode,
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=note("fewer_than_two_dims", shape=shape),
    )


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
@pytest.mark.parametrize("mode", ["fan_avg", "fan-in", "in", "FAN-OUT", " fan_in"])
def test_unknown_mode(solution, mode, distribution):
    expect_value_error(
        solution,
        FN,
        (4, 3),
        mode=mode,
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=note("unknown_mode", mode=repr(mode)),
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("distribution", ["truncated_normal", "gaussian", "Uniform_", "kaiming"])
def test_unknown_distribution(solution, distribution, mode):
    expect_value_error(
        solution,
        FN,
        (4, 3),
        mode=mode,
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=note("unknown_distribution", distribution=repr(distribution)),
    )
