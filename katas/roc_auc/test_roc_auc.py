"""Hidden tests for `roc_auc`: the ROC curve point by point (ties as one point, the threshold
inf first), the area with ties counted one half, and the error rules."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, expect_value_error, fail, note

OUTPUTS = ("fpr", "tpr", "thresholds")


def random_case(seed, n, *, decimals=None, positives=0.4):
    rng = np.random.default_rng(seed)
    y_true = (rng.random(n) < positives).astype(np.int64)
    y_true[:2] = [0, 1]  # both classes always occur
    rng.shuffle(y_true)
    # informative scores: positives shifted up, with overlap
    scores = rng.standard_normal(n) + 1.2 * y_true
    if decimals is not None:
        scores = np.round(scores, decimals)  # many ties, across and within the classes
    return y_true, scores


CASES = {
    "distinct_8": random_case(1, 8),
    "distinct_40": random_case(2, 40),
    "ties_30": random_case(3, 30, decimals=0),
    "ties_60": random_case(4, 60, decimals=1),
    "rare_positives": random_case(5, 50, positives=0.08),
    "rare_negatives": random_case(6, 25, positives=0.9),
    "two_samples": (np.array([1, 0]), np.array([0.3, 0.7])),
    "all_tied": (np.array([0, 1, 1, 0, 1]), np.full(5, 0.25)),
    "tie_across_classes": (np.array([0, 1, 0, 1, 1, 0]), np.array([0.1, 0.5, 0.5, 0.9, 0.5, 0.2])),
    "perfect": (np.array([0, 0, 1, 1, 0, 1]), np.array([-2.0, -1.0, 3.0, 4.0, 0.5, 1.0])),
    "inverted": (np.array([1, 1, 0, 0]), np.array([0.1, 0.2, 0.8, 0.9])),
    "negative_scores": (np.array([1, 0, 1, 0, 0]), np.array([-0.5, -3.0, -0.5, -0.1, -7.0])),
}
IDS = list(CASES)


def check_first_threshold(got):
    """An expected inf is matched by any large number in a comparison with a tolerance: the
    first threshold is checked exactly."""
    first = np.asarray(got[2]).ravel()[:1]
    if first.size and first[0] != np.inf:
        fail(
            note("first_threshold", got=repr(float(first[0]))),
            function="roc_curve",
            hint=note("threshold_inf"),
        )


@pytest.mark.parametrize("case", IDS)
def test_roc_curve(solution, reference, case):
    y_true, scores = CASES[case]
    got = check_call(
        solution, reference, "roc_curve", y_true, scores, outputs=OUTPUTS, hint=note("curve")
    )
    check_first_threshold(got)


@pytest.mark.parametrize("case", IDS)
def test_roc_auc_score(solution, reference, case):
    y_true, scores = CASES[case]
    check_call(solution, reference, "roc_auc_score", y_true, scores, hint=note("auc"))


@pytest.mark.parametrize("case", ["ties_30", "all_tied", "tie_across_classes"])
def test_ties_are_one_point(solution, reference, case):
    y_true, scores = CASES[case]
    got = solution.call("roc_curve", y_true, scores)
    distinct = len(np.unique(scores))
    if isinstance(got, tuple) and len(got) == 3 and all(np.ndim(a) == 1 for a in got):
        lengths = [len(a) for a in got]
        if lengths != [distinct + 1] * 3:
            fail(
                note("tie_points", lengths=lengths, distinct=distinct, expected=distinct + 1),
                function="roc_curve",
                hint=note("ties_one_point"),
            )
    check_call(
        solution,
        reference,
        "roc_curve",
        y_true,
        scores,
        outputs=OUTPUTS,
        hint=note("ties_one_point"),
    )


@pytest.mark.parametrize("case", ["ties_30", "ties_60", "all_tied", "tie_across_classes"])
def test_auc_ties_count_half(solution, reference, case):
    y_true, scores = CASES[case]
    check_call(solution, reference, "roc_auc_score", y_true, scores, hint=note("ties_half"))


def test_threshold_inf_first(solution, reference):
    y_true, scores = CASES["distinct_8"]
    got = solution.call("roc_curve", y_true, scores)
    if isinstance(got, tuple) and len(got) == 3:
        check_first_threshold(got)
    check_call(
        solution,
        reference,
        "roc_curve",
        y_true,
        scores,
        outputs=OUTPUTS,
        hint=note("threshold_inf"),
    )


@pytest.mark.parametrize("case", ["distinct_8", "ties_30"])
def test_boolean_labels(solution, reference, case):
    y_true, scores = CASES[case]
    y_bool = y_true.astype(bool)
    check_call(
        solution, reference, "roc_curve", y_bool, scores, outputs=OUTPUTS, hint=note("booleans")
    )
    check_call(solution, reference, "roc_auc_score", y_bool, scores, hint=note("booleans"))


def test_close_scores_stay_distinct(solution, reference):
    """Scores one rounding step apart are different thresholds: no rounding, no tolerance."""
    base = np.array([0.3, 0.7, 1e-9, 1e6])
    scores = np.concatenate([base, np.nextafter(base, np.inf), base])
    y_true = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1])
    check_call(
        solution, reference, "roc_curve", y_true, scores, outputs=OUTPUTS, hint=note("exact_ties")
    )
    check_call(solution, reference, "roc_auc_score", y_true, scores, hint=note("exact_ties"))


def test_order_of_samples_does_not_matter(solution, reference):
    y_true, scores = CASES["ties_60"]
    order = np.random.default_rng(7).permutation(len(y_true))
    for y, s in ((y_true[order], scores[order]), (y_true[::-1].copy(), scores[::-1].copy())):
        check_call(solution, reference, "roc_curve", y, s, outputs=OUTPUTS, hint=note("curve"))
        check_call(solution, reference, "roc_auc_score", y, s, hint=note("auc"))


def test_returns_a_float(solution):
    y_true, scores = CASES["distinct_8"]
    value = solution.call("roc_auc_score", y_true, scores)
    if not isinstance(value, float):
        fail(
            note("not_a_float", type=type(value).__name__, value=repr(value)),
            function="roc_auc_score",
            hint=note("returns_a_float"),
        )


FUNCTIONS = ["roc_curve", "roc_auc_score"]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_error_lengths_differ(solution, function):
    long_y, long_s = np.array([0, 1, 1, 0]), np.array([0.1, 0.9, 0.4, 0.3])
    for y_true, scores in ((long_y, np.array([0.5])), (np.array([1]), long_s)):
        expect_value_error(
            solution,
            function,
            y_true,
            scores,
            because=note("lengths_differ", n_true=len(y_true), n_scores=len(scores)),
        )


@pytest.mark.parametrize("function", FUNCTIONS)
def test_error_empty(solution, function):
    expect_value_error(
        solution,
        function,
        np.array([], dtype=np.int64),
        np.array([], dtype=np.float64),
        because=note("empty"),
    )


@pytest.mark.parametrize(
    "y_true",
    [[0, 2, 1, 0], [-1, 1, 1, -1], [0.0, 1.0, 0.5, 1.0]],
    ids=["label_2", "minus_one", "one_half"],
)
@pytest.mark.parametrize("function", FUNCTIONS)
def test_error_labels_not_binary(solution, function, y_true):
    y_true = np.array(y_true)
    expect_value_error(
        solution,
        function,
        y_true,
        np.array([0.2, 0.8, 0.6, 0.4]),
        because=note("labels_not_binary", labels=sorted(set(y_true.tolist()))),
    )


@pytest.mark.parametrize(
    "y_true",
    [[0, 0, 0, 0], [1, 1, 1, 1], [True, True, True, True]],
    ids=["only_negatives", "only_positives", "only_true"],
)
@pytest.mark.parametrize("function", FUNCTIONS)
def test_error_one_class(solution, function, y_true):
    expect_value_error(
        solution,
        function,
        np.array(y_true),
        np.array([0.2, 0.8, 0.6, 0.4]),
        because=note("one_class"),
    )
