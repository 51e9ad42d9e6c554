"""Hidden tests for `he_init`: shapes, the exact distributions, PyTorch's fans, error rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlkata.judge import (
    binomial_test,
    check_reproducible,
    check_symmetric_uniform,
    expect_array,
    expect_value_error,
    ks_test,
    normal_cdf,
)

FN = "he_init"

# Big enough for a sharp Kolmogorov-Smirnov test, non-square so every fan differs, and the
# conv shapes read differently under TensorFlow's (KH, KW, in, out) layout.
STAT_SHAPES = [(30, 100), (100, 30), (16, 6, 5, 5), (12, 5, 40), (1, 3000)]

FANS_HINT = (
    "Use PyTorch's fans: receptive = prod(shape[2:]), fan_in = shape[1] * receptive, "
    "fan_out = shape[0] * receptive (the layout is (out, in, *kernel), not TensorFlow's)."
)


def fans(shape):
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def draw(solution, shape, seed, **kwargs):
    """The learner's array, after checking its type, shape and dtype."""
    out = solution.he_init(shape, rng=np.random.default_rng(seed), **kwargs)
    return expect_array(out, shape, function=FN, what=f"he_init{shape!r}")


@pytest.mark.parametrize("shape", [(3, 5), (1, 1), (7, 2, 3, 3), (1, 1, 1, 1), (2, 3, 4, 5, 6)])
@pytest.mark.parametrize("distribution", ["normal", "uniform"])
def test_shape_and_dtype(solution, shape, distribution):
    """A float64 array of exactly the requested shape, small and higher-dimensional shapes."""
    draw(solution, shape, 1, distribution=distribution)


def check_normal(samples, std, what, hint):
    ks_test(samples, normal_cdf(0.0, std), what=what, function=FN, hint=hint)


@pytest.mark.parametrize("shape", STAT_SHAPES)
def test_normal_fan_in(solution, shape):
    """mode="fan_in", normal: N(0, 2 / fan_in) with PyTorch's fan_in."""
    out = draw(solution, shape, 11, mode="fan_in", distribution="normal")
    std = math.sqrt(2.0 / fans(shape)[0])
    check_normal(
        out,
        std,
        f"he_init({shape}, mode='fan_in', distribution='normal')",
        "The std is sqrt(2 / fan_in): ReLU halves the mean square, the 2 restores it. " + FANS_HINT,
    )


@pytest.mark.parametrize("shape", STAT_SHAPES)
def test_normal_fan_out(solution, shape):
    """mode="fan_out", normal: N(0, 2 / fan_out) with PyTorch's fan_out."""
    out = draw(solution, shape, 12, mode="fan_out", distribution="normal")
    std = math.sqrt(2.0 / fans(shape)[1])
    check_normal(
        out,
        std,
        f"he_init({shape}, mode='fan_out', distribution='normal')",
        "mode='fan_out' must use fan_out = shape[0] * receptive. " + FANS_HINT,
    )


@pytest.mark.parametrize("shape", STAT_SHAPES)
@pytest.mark.parametrize("mode", ["fan_in", "fan_out"])
def test_uniform(solution, shape, mode):
    """distribution="uniform": U(-sqrt(6 / fan), sqrt(6 / fan)), filling the whole interval."""
    out = draw(solution, shape, 13, mode=mode, distribution="uniform")
    fan = fans(shape)[0 if mode == "fan_in" else 1]
    bound = math.sqrt(6.0 / fan)
    what = f"he_init({shape}, mode={mode!r}, distribution='uniform')"
    hint = (
        "The bound is sqrt(6 / fan): U(-a, a) has variance a^2 / 3, so a^2 / 3 = 2 / fan. "
        "The std sqrt(2 / fan) is not the bound. " + FANS_HINT
    )
    check_symmetric_uniform(out, bound, what=what, function=FN, hint=hint)


def test_defaults_are_normal_fan_in(solution):
    """Without mode or distribution: a normal with std sqrt(2 / fan_in), as kaiming_normal_."""
    shape = (40, 300)
    check_normal(
        draw(solution, shape, 14),
        math.sqrt(2.0 / 300),
        f"he_init({shape}) with the default mode and distribution",
        "The defaults are mode='fan_in' and distribution='normal'.",
    )


def test_normal_has_full_tails(solution):
    """The normal is not truncated: about 1.24 % of 12000 values lie beyond 2.5 std."""
    shape = (100, 120)
    out = draw(solution, shape, 15, mode="fan_in", distribution="normal")
    std = math.sqrt(2.0 / 120)
    binomial_test(
        int(np.sum(np.abs(out) > 2.5 * std)),
        out.size,
        math.erfc(2.5 / math.sqrt(2.0)),  # P(|Z| > 2.5)
        what=f"he_init({shape}, distribution='normal'): values beyond 2.5 std",
        function=FN,
        hint="Draw from a plain normal, as kaiming_normal_, not a truncated one (Keras's "
        "he_normal truncates at 2 std).",
    )


@pytest.mark.parametrize(
    ("shape", "kwargs"),
    [((6, 4), {}), ((5, 3, 2, 2), {"mode": "fan_out"}), ((4, 9), {"distribution": "uniform"})],
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


@pytest.mark.parametrize("mode", ["fan_avg", "fan-in", "FAN_OUT", "in"])
def test_unknown_mode(solution, mode):
    """A mode other than "fan_in" / "fan_out" is a ValueError, never silently one of them."""
    expect_value_error(
        solution,
        FN,
        (4, 3),
        mode=mode,
        rng=np.random.default_rng(0),
        because=f"mode={mode!r} is neither 'fan_in' nor 'fan_out'",
    )


@pytest.mark.parametrize("distribution", ["truncated_normal", "gaussian", "Uniform"])
def test_unknown_distribution(solution, distribution):
    """A distribution other than "normal" / "uniform" is a ValueError."""
    expect_value_error(
        solution,
        FN,
        (4, 3),
        distribution=distribution,
        rng=np.random.default_rng(0),
        because=f"distribution={distribution!r} is neither 'normal' nor 'uniform'",
    )
