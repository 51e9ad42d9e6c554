"""Hidden tests for `regression_metrics`: MSE, RMSE, MAE and R^2 per output column, averaged with
equal weights (scikit-learn's `multioutput="uniform_average"`), R^2's constant columns, errors."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, expect_value_error, fail, note

METRICS = ["mse", "rmse", "mae", "r2_score"]


def _pair(shape, seed, *, scales=None, noise=0.5):
    """y_true with columns of very different scales and offsets, y_pred a noisy version of it."""
    rng = np.random.default_rng(seed)
    y = rng.standard_normal(shape)
    if len(shape) == 2:
        k = shape[1]
        scales = np.array(scales if scales is not None else [10.0**i for i in range(k)])
        y = y * scales + rng.uniform(-5, 5, k)
        pred = y + noise * rng.standard_normal(shape) * scales[::-1]
    else:
        pred = y + noise * rng.standard_normal(shape)
    return y, pred


# shapes: 1-D, one column, several columns of different scales, tall and short
CASES = {
    "one_output": ((12,), 1),
    "one_column": ((9, 1), 2),
    "three_outputs": ((15, 3), 3),
    "two_outputs_short": ((3, 2), 4),
    "five_outputs": ((40, 5), 5),
}


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("case", list(CASES))
def test_values(solution, reference, metric, case):
    shape, seed = CASES[case]
    y_true, y_pred = _pair(shape, seed)
    check_call(solution, reference, metric, y_true, y_pred, hint=note(metric, "per_column"))


@pytest.mark.parametrize("metric", ["mse", "rmse", "mae"])
def test_single_sample(solution, reference, metric):
    """N = 1 is valid for the error metrics, 1-D and 2-D."""
    check_call(solution, reference, metric, np.array([2.5]), np.array([1.0]), hint=note(metric))
    check_call(
        solution,
        reference,
        metric,
        np.array([[2.5, -1.0, 4.0]]),
        np.array([[1.0, -1.0, 0.0]]),
        hint=note(metric, "per_column"),
    )


def test_rmse_is_averaged_after_the_root(solution, reference):
    """Two outputs whose errors differ a lot: the mean of the roots, not the root of the mean."""
    y_true = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, 40.0]])
    y_pred = np.array([[1.5, 0.0], [2.0, 35.0], [2.0, 30.0], [4.5, 41.0]])
    check_call(solution, reference, "rmse", y_true, y_pred, hint=note("rmse", "per_column"))


def test_mae_signs(solution, reference):
    """Errors of both signs, which cancel if the absolute value is forgotten."""
    y_true = np.array([1.0, 2.0, 3.0, 4.0])
    y_pred = np.array([2.0, 1.0, 4.0, 3.0])
    check_call(solution, reference, "mae", y_true, y_pred, hint=note("mae"))


def test_r2_landmarks(solution, reference):
    """1 for a perfect prediction, 0 for predicting the mean, negative when worse than that."""
    y = np.array([3.0, -0.5, 2.0, 7.0, 4.5])
    for y_pred in (y.copy(), np.full_like(y, y.mean()), y[::-1].copy(), y + 10.0):
        check_call(solution, reference, "r2_score", y, y_pred, hint=note("r2_score"))


def test_r2_is_not_squared_correlation(solution, reference):
    """A prediction perfectly correlated with y_true but scaled and shifted: corr^2 = 1, R^2 < 0."""
    y = np.array([1.0, 2.0, 4.0, 7.0, 11.0])
    check_call(solution, reference, "r2_score", y, 2.0 * y + 1.0, hint=note("not_correlation"))
    check_call(
        solution,
        reference,
        "r2_score",
        np.stack([y, -y], axis=1),
        np.stack([0.5 * y, -y + 3.0], axis=1),
        hint=note("not_correlation"),
    )


def test_r2_uses_mean_of_y_true(solution, reference):
    """y_true and y_pred with different means and spreads: the total sum of squares is y_true's."""
    y_true = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    y_pred = np.array([2.0, 4.0, 3.0, 7.0, 6.0, 9.0])
    check_call(solution, reference, "r2_score", y_true, y_pred, hint=note("argument_order"))


@pytest.mark.parametrize(
    ("y_true", "y_pred"),
    [
        # constant columns with exactly representable means
        ([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]),  # predicted exactly: 1.0
        ([2.0, 2.0, 2.0], [2.0, 2.5, 2.0]),  # missed: 0.0
        ([[0.0, 1.0], [0.0, 2.0], [0.0, 4.0]], [[0.0, 1.5], [0.0, 2.0], [0.0, 3.0]]),
        ([[-1.5, 1.0], [-1.5, 2.0], [-1.5, 4.0]], [[-1.5, 1.5], [-1.0, 2.0], [-1.5, 3.0]]),
        ([[5.0, 5.0], [5.0, 5.0]], [[5.0, 4.0], [5.0, 5.0]]),
    ],
    ids=["exact", "missed", "exact_beside_varying", "missed_beside_varying", "two_constant"],
)
def test_r2_constant_column(solution, reference, y_true, y_pred):
    """A constant column of y_true scores 1.0 if predicted exactly, else 0.0: never NaN or -inf
    (a division by zero computed and then discarded, as inside np.where, is allowed)."""
    check_call(
        solution,
        reference,
        "r2_score",
        np.array(y_true),
        np.array(y_pred),
        hint=note("constant_column"),
    )


@pytest.mark.parametrize("metric", METRICS)
def test_large_values(solution, reference, metric):
    """Targets around 1e4 with errors around 1."""
    y_true, y_pred = _pair((20, 2), 9, scales=[1e4, 3e3], noise=1e-3)
    check_call(solution, reference, metric, y_true, y_pred, hint=note(metric, "per_column"))


@pytest.mark.parametrize("metric", METRICS)
def test_returns_a_float(solution, metric):
    y_true, y_pred = _pair((6, 2), 11)
    for args in ((y_true, y_pred), (y_true[:, 0], y_pred[:, 0])):
        value = solution.call(metric, *args)
        if not isinstance(value, float):
            fail(
                note("not_a_float", function=metric, shape=args[0].shape, got=repr(value)[:60]),
                function=metric,
                hint=note("returns_a_float"),
            )


# shapes NumPy would broadcast, or compare element by element without a complaint
MISMATCHES = [((4,), (4, 1)), ((4, 1), (4,)), ((4, 3), (3,)), ((1, 3), (4, 3)), ((4, 2), (2, 4))]


@pytest.mark.parametrize("metric", METRICS)
def test_error_shape_mismatch(solution, metric):
    for true_shape, pred_shape in MISMATCHES:
        expect_value_error(
            solution,
            metric,
            np.ones(true_shape),
            np.arange(float(np.prod(pred_shape))).reshape(pred_shape),
            because=note("shape_mismatch", true=true_shape, pred=pred_shape),
        )


@pytest.mark.parametrize("metric", METRICS)
def test_error_rank(solution, metric):
    for shape in [(), (3, 2, 2), (2, 3, 1, 1)]:
        expect_value_error(
            solution,
            metric,
            np.ones(shape),
            np.arange(float(np.prod(shape, dtype=int))).reshape(shape),
            because=note("rank", shape=shape),
        )


@pytest.mark.parametrize("metric", METRICS)
def test_error_empty(solution, metric):
    for shape in [(0,), (0, 3), (4, 0)]:
        expect_value_error(
            solution, metric, np.ones(shape), np.ones(shape), because=note("empty", shape=shape)
        )


def test_error_r2_one_sample(solution):
    for y_true, y_pred in [([3.0], [2.0]), ([3.0], [3.0]), ([[1.0, 2.0]], [[1.0, 0.0]])]:
        expect_value_error(
            solution,
            "r2_score",
            np.array(y_true),
            np.array(y_pred),
            because=note("one_sample", shape=np.shape(y_true)),
        )
