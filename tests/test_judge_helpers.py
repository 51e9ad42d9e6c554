"""The judge helpers on their own: the teaching diff, statistics and gradient checks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from dlkata.judge import (
    GradingFailure,
    assert_close,
    binomial_test,
    check_gradient_numerically,
    check_scalar_gradient,
    ks_test,
    normal_cdf,
    uniform_cdf,
)
from dlkata.judge.proxy import ReferenceImpl


def _failure(got, expected) -> GradingFailure:
    with pytest.raises(GradingFailure) as caught:
        assert_close(got, expected, what="out", function="f")
    return caught.value


@settings(max_examples=60, deadline=None)
@given(
    hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=5), elements=st.floats(-1e6, 1e6))
)
def test_a_different_summation_order_passes(expected) -> None:
    """Rounding-level differences (a few ulps) never fail."""
    assert_close(expected * (1 + 4e-16), expected, what="out", function="f")


@settings(max_examples=60, deadline=None)
@given(
    hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=1, max_dims=3, max_side=5),
        elements=st.floats(0.5, 1e3) | st.floats(-1e3, -0.5),
    )
)
def test_a_relative_error_of_1e_6_fails(expected) -> None:
    """Rule 8: a mistake of about 1e-6 relative is caught on any element."""
    got = expected.copy()
    got.flat[-1] *= 1 + 2e-6
    assert _failure(got, expected).kind == "mismatch"


def test_the_diff_names_shape_dtype_nan_and_a_constant_factor() -> None:
    expected = np.arange(1.0, 7.0).reshape(2, 3)
    assert _failure(expected.T, expected).facts["got_shape"] == [3, 2]
    assert _failure(expected.astype(np.float32), expected).kind == "dtype"
    with_nan = expected.copy()
    with_nan[1, 2] = np.nan
    failure = _failure(with_nan, expected)
    assert failure.kind == "nonfinite" and failure.facts["worst_index"] == [1, 2]
    failure = _failure(expected / math.sqrt(2), expected)
    assert "1/√2" in failure.facts["diagnosis"]
    assert _failure([[1, 2, 3]], expected).kind == "type"
    assert _failure(np.ones((1, 3)), expected).kind == "shape"


def test_an_infinity_is_matched_only_by_the_same_infinity() -> None:
    """`roc_curve`'s first threshold is inf: a finite stand-in such as max + 1 must fail."""
    expected = np.array([np.inf, 0.8, 0.3])
    assert_close(expected.copy(), expected, what="thresholds", function="roc_curve")
    for wrong in (1.8, 1e308, -np.inf, np.nan):
        got = expected.copy()
        got[0] = wrong
        assert _failure(got, expected).facts["worst_index"] == [0], wrong
    nans = np.array([np.nan, 1.0])
    assert_close(nans.copy(), nans, what="a NaN where NaN is expected", function="f")


def test_the_worst_element_is_reported_first() -> None:
    expected = np.zeros((3, 4))
    got = expected.copy()
    got[2, 1] = 0.5
    got[0, 0] = 0.1
    failure = _failure(got, expected)
    assert failure.facts["worst_index"] == [2, 1]
    assert failure.facts["samples"][0] == [[2, 1], 0.0, 0.5]
    assert failure.facts["max_rel_error"] < 1e10


def test_ks_accepts_the_right_distribution_and_rejects_a_wrong_scale() -> None:
    rng = np.random.default_rng(0)
    samples = rng.normal(0.0, 2.0, 20000)
    ks_test(samples, normal_cdf(0.0, 2.0), what="w", function="f")
    with pytest.raises(GradingFailure) as caught:
        ks_test(samples, normal_cdf(0.0, 2.0 * math.sqrt(2)), what="w", function="f")
    assert caught.value.kind == "statistic" and caught.value.facts["p_value"] < 1e-4
    ks_test(rng.uniform(-3, 3, 20000), uniform_cdf(-3, 3), what="w", function="f")


def test_binomial_accepts_a_fair_count_and_rejects_the_complement() -> None:
    binomial_test(7012, 10000, 0.7, what="kept", function="f")
    with pytest.raises(GradingFailure):
        binomial_test(3000, 10000, 0.7, what="kept", function="f")


class _Square:
    """A tiny module with a forward/backward pair, one of them wrong on demand."""

    def __init__(self, factor: float) -> None:
        self.factor = factor

    def square_forward(self, x):
        return x * x, x

    def square_backward(self, dout, cache):
        return (self.factor * dout * cache,)

    def loss(self, x):
        return float(np.sum(x**3)), 3 * x**2


def test_numerical_gradient_checks_tell_right_from_wrong() -> None:
    x = np.random.default_rng(1).standard_normal((3, 4))
    right, wrong = ReferenceImpl(_Square(2.0)), ReferenceImpl(_Square(1.0))
    check_gradient_numerically(right, "square_forward", "square_backward", {"x": x})
    with pytest.raises(GradingFailure) as caught:
        check_gradient_numerically(wrong, "square_forward", "square_backward", {"x": x})
    assert caught.value.kind == "gradient" and caught.value.facts["gradient"] == "dx"
    check_scalar_gradient(
        right, "loss", {"x": x}, wrt="x", value=lambda r: r[0], gradient=lambda r: r[1]
    )


@pytest.mark.parametrize(
    ("error", "operation", "cause"),
    [
        ("overflow encountered in exp", "exp", "overflowed"),
        ("invalid value encountered in scalar divide", "scalar divide", "NaN"),
        ("divide by zero encountered in log", "log", "divided by zero"),
    ],
)
def test_numpys_floating_point_errors_are_told_in_our_words(
    error: str, operation: str, cause: str
) -> None:
    """NumPy's own sentence (English whatever the language) becomes one of ours, with its hint;
    NumPy 2's scalar operations are two words long."""
    from dlkata.judge.proxy import _floating_point

    message, hint = _floating_point("f", error)
    assert operation in message and cause in message and error not in message, message
    assert "Look for a division by zero" not in hint
