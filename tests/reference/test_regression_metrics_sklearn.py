"""Cross-check of reference/regression_metrics.py against scikit-learn's mean_squared_error,
root_mean_squared_error, mean_absolute_error and r2_score (their default
multioutput="uniform_average", and force_finite=True for R^2)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn import metrics

from tests.support import load_reference

ref = load_reference("regression_metrics")

PAIRS = [
    ("mse", metrics.mean_squared_error),
    ("rmse", metrics.root_mean_squared_error),
    ("mae", metrics.mean_absolute_error),
    ("r2_score", metrics.r2_score),
]
SHAPES = [(2,), (7,), (30,), (2, 1), (5, 1), (6, 3), (25, 4), (3, 7), (100, 2)]


@pytest.mark.parametrize(("name", "sk"), PAIRS, ids=[p[0] for p in PAIRS])
@pytest.mark.parametrize("shape", SHAPES, ids=[str(s) for s in SHAPES])
def test_random_cases_match_sklearn(name, sk, shape):
    rng = np.random.default_rng(len(shape) * 1000 + shape[0] * 10 + (shape[-1] if shape else 0))
    for trial in range(5):
        scale = 10.0 ** rng.integers(-3, 4, size=shape[1:])  # columns of different scales
        y_true = rng.standard_normal(shape) * scale + rng.normal(0, 3, size=shape[1:])
        y_pred = y_true + rng.standard_normal(shape) * scale * rng.uniform(0.1, 2.0)
        if trial == 4:
            y_pred = rng.standard_normal(shape) * scale  # unrelated to y_true: R^2 < 0
        copies = y_true.copy(), y_pred.copy()
        got = getattr(ref, name)(y_true, y_pred)
        assert type(got) is float
        np.testing.assert_allclose(got, sk(y_true, y_pred), rtol=1e-12, atol=1e-14)
        np.testing.assert_array_equal(copies[0], y_true)
        np.testing.assert_array_equal(copies[1], y_pred)


CONSTANT = [
    ([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]),
    ([2.0, 2.0, 2.0], [2.0, 2.5, 2.0]),
    ([[0.0, 1.0], [0.0, 2.0], [0.0, 4.0]], [[0.0, 1.5], [0.0, 2.0], [0.0, 3.0]]),
    ([[-1.5, 1.0], [-1.5, 2.0], [-1.5, 4.0]], [[-1.5, 1.5], [-1.0, 2.0], [-1.5, 3.0]]),
    ([[5.0, 5.0], [5.0, 5.0]], [[5.0, 4.0], [5.0, 5.0]]),
]


@pytest.mark.parametrize(("y_true", "y_pred"), CONSTANT)
def test_constant_columns_match_sklearn_force_finite(y_true, y_pred):
    y_true, y_pred = np.array(y_true), np.array(y_pred)
    assert ref.r2_score(y_true, y_pred) == metrics.r2_score(y_true, y_pred)
    for name, sk in PAIRS[:3]:
        np.testing.assert_allclose(getattr(ref, name)(y_true, y_pred), sk(y_true, y_pred))


def test_landmarks():
    y = np.array([3.0, -0.5, 2.0, 7.0, 4.5])
    assert ref.r2_score(y, y) == 1.0 == metrics.r2_score(y, y)
    mean = np.full_like(y, y.mean())
    assert abs(ref.r2_score(y, mean)) < 1e-15
    # perfectly correlated but scaled and shifted: R^2 is far from corr^2 = 1
    np.testing.assert_allclose(ref.r2_score(y, 2 * y + 1), metrics.r2_score(y, 2 * y + 1))
    assert ref.r2_score(y, 2 * y + 1) < 0


def test_errors_where_sklearn_raises_or_returns_nan():
    # different lengths: scikit-learn raises ValueError as well
    with pytest.raises(ValueError):
        metrics.mean_squared_error(np.ones(4), np.ones(3))
    # (N,) against (N, 1): scikit-learn treats both as one column; the contract refuses it
    for name, _ in PAIRS:
        with pytest.raises(ValueError):
            getattr(ref, name)(np.ones(4), np.ones((4, 1)))
        with pytest.raises(ValueError):
            getattr(ref, name)(np.ones((3, 2, 2)), np.ones((3, 2, 2)))
        with pytest.raises(ValueError):
            getattr(ref, name)(np.ones((0,)), np.ones((0,)))
        with pytest.raises(ValueError):
            getattr(ref, name)(np.ones((3, 0)), np.ones((3, 0)))
    # a single sample: scikit-learn warns and returns NaN; the contract raises
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert np.isnan(metrics.r2_score(np.array([3.0]), np.array([2.0])))
    with pytest.raises(ValueError):
        ref.r2_score(np.array([3.0]), np.array([2.0]))
    assert ref.mse(np.array([3.0]), np.array([2.0])) == 1.0
