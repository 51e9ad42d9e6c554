"""The `classification_metrics` reference against `sklearn.metrics` (zero_division=0,
labels=None), on random label arrays of many sizes, and the rules where the two part ways."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn import metrics

from tests.support import load_reference

ref = load_reference("classification_metrics")
# scikit-learn warns about a single label in a confusion matrix and an ignored pos_label
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

PAIRS = [
    (ref.precision, metrics.precision_score),
    (ref.recall, metrics.recall_score),
    (ref.f1_score, metrics.f1_score),
]


def random_labels(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 40))
    k = int(rng.integers(1, 8))
    y_true = rng.integers(0, k, size=n)
    y_pred = np.where(rng.random(n) < 0.5, y_true, rng.integers(0, k, size=n))
    # sometimes leave a gap: labels shifted so that some values in range occur in neither array
    if seed % 3 == 0:
        y_true, y_pred = 2 * y_true, 2 * y_pred
    return y_true, y_pred


def sklearn_score(score, y_true, y_pred, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pos_label ignored when average != 'binary'
        return score(y_true, y_pred, zero_division=0, **kwargs)


@pytest.mark.parametrize("seed", range(60))
def test_against_sklearn(seed):
    y_true, y_pred = random_labels(seed)
    assert ref.accuracy(y_true, y_pred) == pytest.approx(
        metrics.accuracy_score(y_true, y_pred), rel=1e-14
    )
    for ours, theirs in PAIRS:
        for average in ("macro", "weighted", "micro"):
            for pos_label in (1, 5):
                assert ours(y_true, y_pred, average=average, pos_label=pos_label) == pytest.approx(
                    sklearn_score(theirs, y_true, y_pred, average=average), rel=1e-12, abs=1e-15
                )
        assert ours(y_true, y_pred, average="micro") == pytest.approx(
            ref.accuracy(y_true, y_pred), rel=1e-14
        )
    k = int(max(y_true.max(), y_pred.max())) + 1
    for extra in (0, 2):
        ours_cm = ref.confusion_matrix(y_true, y_pred, num_classes=k + extra)
        theirs_cm = metrics.confusion_matrix(y_true, y_pred, labels=range(k + extra))
        assert ours_cm.dtype.kind == "i" and np.array_equal(ours_cm, theirs_cm)
    assert np.array_equal(
        ref.confusion_matrix(y_true, y_pred),
        metrics.confusion_matrix(y_true, y_pred, labels=range(k)),
    )


@pytest.mark.parametrize("seed", range(60))
def test_binary_against_sklearn(seed):
    """Binary scores, every pos_label tried: equal where scikit-learn answers, a ValueError where
    it raises one (three labels, or two labels without pos_label)."""
    rng = np.random.default_rng(1000 + seed)
    n = int(rng.integers(1, 12))
    values = rng.choice([0, 1, 2, 5], size=int(rng.integers(1, 4)), replace=False)
    y_true, y_pred = rng.choice(values, size=n), rng.choice(values, size=n)
    for ours, theirs in PAIRS:
        for pos_label in (0, 1, 2, 5):
            try:
                expected = sklearn_score(theirs, y_true, y_pred, pos_label=pos_label)
            except ValueError:
                with pytest.raises(ValueError):
                    ours(y_true, y_pred, pos_label=pos_label)
                continue
            assert ours(y_true, y_pred, pos_label=pos_label) == pytest.approx(expected, rel=1e-12)


def test_zero_division_is_zero():
    """A class never predicted has precision 0.0 (scikit-learn's zero_division=0), not NaN or 1."""
    y_true, y_pred = np.array([0, 1, 2, 2]), np.array([0, 0, 2, 2])
    assert ref.precision(y_true, y_pred, average="macro") == pytest.approx((0.5 + 0 + 1) / 3)
    assert metrics.precision_score(y_true, y_pred, average="macro", zero_division=0) == (
        pytest.approx((0.5 + 0 + 1) / 3)
    )
    assert ref.precision(np.array([0, 0]), np.array([0, 0])) == 0.0
    assert ref.recall(np.array([0, 0]), np.array([0, 0])) == 0.0


def test_macro_f1_is_not_f1_of_macro_scores():
    y_true, y_pred = np.array([0, 0, 0, 1, 2, 2]), np.array([0, 1, 1, 1, 2, 0])
    p, r = (
        ref.precision(y_true, y_pred, average="macro"),
        ref.recall(y_true, y_pred, average="macro"),
    )
    f1 = ref.f1_score(y_true, y_pred, average="macro")
    assert f1 == pytest.approx(metrics.f1_score(y_true, y_pred, average="macro"))
    assert abs(f1 - 2 * p * r / (p + r)) > 1e-3


def test_returns_python_floats():
    y_true, y_pred = np.array([0, 1, 1]), np.array([0, 1, 0])
    values = [ref.accuracy(y_true, y_pred)] + [f(y_true, y_pred) for f, _ in PAIRS]
    assert all(type(v) is float for v in values)


def test_where_we_are_stricter_than_sklearn():
    """Contract rules on which scikit-learn is lenient: a label >= num_classes is dropped there,
    a length-1 array is refused by both, negative labels are accepted there."""
    y_true, y_pred = np.array([0, 1, 3]), np.array([0, 1, 1])
    assert metrics.confusion_matrix(y_true, y_pred, labels=range(3)).sum() == 2
    with pytest.raises(ValueError):
        ref.confusion_matrix(y_true, y_pred, num_classes=3)
    metrics.accuracy_score(np.array([-1, 0]), np.array([0, 0]))
    for bad in (
        lambda: ref.accuracy(np.array([-1, 0]), np.array([0, 0])),
        lambda: ref.accuracy(np.array([0, 1, 1]), np.array([1])),
        lambda: ref.accuracy(np.array([], dtype=int), np.array([], dtype=int)),
        lambda: ref.precision(np.array([0, 1]), np.array([0, 1]), average="samples"),
        lambda: ref.recall(np.array([0, 1, 2]), np.array([0, 1, 2])),
        lambda: ref.f1_score(np.array([0, 2]), np.array([0, 2])),
    ):
        with pytest.raises(ValueError):
            bad()
