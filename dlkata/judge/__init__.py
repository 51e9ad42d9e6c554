"""The judge: helpers that hidden tests use to compare, differentiate and test statistics.

A hidden test reads like the contract:

    def test_forward(solution, reference):
        check_call(solution, reference, "linear_forward", x, w, b, outputs=("out",))

Every helper raises `GradingFailure` carrying the facts of a failure, which the report shows.
"""

from dlkata.judge.compare import DEFAULT_RTOL, assert_close, check_call, describe, expect_array
from dlkata.judge.curves import check_curve
from dlkata.judge.failures import GradingFailure, LearnerError, fail
from dlkata.judge.gradients import (
    check_backward,
    check_gradient_numerically,
    check_scalar_gradient,
)
from dlkata.judge.heatmaps import check_with_heatmap
from dlkata.judge.notes import note
from dlkata.judge.pictures import binomial_histogram
from dlkata.judge.rules import check_reproducible, expect_value_error
from dlkata.judge.statistics import (
    Fans,
    binomial_test,
    check_independent,
    check_normal,
    check_symmetric_uniform,
    chi_square_test,
    ks_test,
    normal_cdf,
    uniform_cdf,
)
from dlkata.judge.trajectory import Trajectory, drifting_gradients

__all__ = [
    "DEFAULT_RTOL",
    "Fans",
    "GradingFailure",
    "LearnerError",
    "Trajectory",
    "assert_close",
    "binomial_histogram",
    "binomial_test",
    "check_backward",
    "check_call",
    "check_curve",
    "check_gradient_numerically",
    "check_independent",
    "check_normal",
    "check_reproducible",
    "check_scalar_gradient",
    "check_symmetric_uniform",
    "check_with_heatmap",
    "chi_square_test",
    "describe",
    "drifting_gradients",
    "expect_array",
    "expect_value_error",
    "fail",
    "ks_test",
    "normal_cdf",
    "note",
    "uniform_cdf",
]
