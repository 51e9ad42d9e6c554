"""The `roc_auc` reference against `sklearn.metrics.roc_curve(drop_intermediate=False)` and
`roc_auc_score`, on random scores with and without ties, and against the pairwise definition."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn import metrics

from tests.support import load_reference

ref = load_reference("roc_auc")


def random_case(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 80))
    y_true = rng.integers(0, 2, size=n)
    y_true[rng.choice(n, size=2, replace=False)] = [0, 1]
    scores = rng.standard_normal(n) * 3 + rng.random() * 2 * y_true
    if seed % 2:
        scores = np.round(scores, int(rng.integers(0, 2)))  # ties
    return y_true, scores


def pairwise_auc(y_true, scores):
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return wins / (len(pos) * len(neg))


@pytest.mark.parametrize("seed", range(80))
def test_against_sklearn(seed):
    y_true, scores = random_case(seed)
    ours = ref.roc_curve(y_true, scores)
    theirs = metrics.roc_curve(y_true, scores, drop_intermediate=False)
    for name, a, b in zip(("fpr", "tpr", "thresholds"), ours, theirs):
        assert a.dtype == np.float64 and a.shape == b.shape, name
        np.testing.assert_allclose(a, b, rtol=1e-15, atol=0, err_msg=name)
    assert ours[2][0] == np.inf and len(ours[0]) == len(np.unique(scores)) + 1
    auc = ref.roc_auc_score(y_true, scores)
    assert type(auc) is float
    assert auc == pytest.approx(metrics.roc_auc_score(y_true, scores), rel=1e-13, abs=1e-15)
    assert auc == pytest.approx(pairwise_auc(y_true, scores), rel=1e-12, abs=1e-15)
    assert ref.roc_auc_score(y_true.astype(bool), scores) == auc


def test_ties_count_one_half():
    y_true, scores = np.array([0, 1, 1, 0]), np.array([0.5, 0.5, 0.9, 0.1])
    # pairs: (0.9 vs 0.5) win, (0.9 vs 0.1) win, (0.5 vs 0.5) tie, (0.5 vs 0.1) win -> 3.5 / 4
    assert ref.roc_auc_score(y_true, scores) == 0.875 == metrics.roc_auc_score(y_true, scores)
    assert ref.roc_auc_score(y_true, np.full(4, 0.3)) == 0.5


def test_one_class_is_an_error_here_and_nan_in_sklearn():
    y_true, scores = np.array([1, 1, 1]), np.array([0.1, 0.2, 0.3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fpr, _, _ = metrics.roc_curve(y_true, scores)
        auc = metrics.roc_auc_score(y_true, scores)
    assert np.isnan(fpr).all() and np.isnan(auc)
    for function in (ref.roc_curve, ref.roc_auc_score):
        with pytest.raises(ValueError, match="one class"):
            function(y_true, scores)


@pytest.mark.parametrize(
    ("y_true", "scores"),
    [
        ([0, 1, 1, 0], [0.5]),
        ([], []),
        ([0, 2, 1], [0.1, 0.2, 0.3]),
        ([0, 0, 0], [0.1, 0.2, 0.3]),
    ],
)
def test_errors(y_true, scores):
    for function in (ref.roc_curve, ref.roc_auc_score):
        with pytest.raises(ValueError):
            function(np.array(y_true), np.array(scores, dtype=np.float64))


def test_scores_one_rounding_step_apart_are_distinct():
    """Ties are exact equality, in scikit-learn too: nextafter(s) is another threshold."""
    base = np.array([0.3, 0.7, 1e-9, 1e6])
    scores = np.concatenate([base, np.nextafter(base, np.inf), base])
    y_true = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1])
    ours = ref.roc_curve(y_true, scores)
    theirs = metrics.roc_curve(y_true, scores, drop_intermediate=False)
    assert len(ours[0]) == 9
    for a, b in zip(ours, theirs):
        np.testing.assert_array_equal(a, b)
    assert ref.roc_auc_score(y_true, scores) == pytest.approx(metrics.roc_auc_score(y_true, scores))
