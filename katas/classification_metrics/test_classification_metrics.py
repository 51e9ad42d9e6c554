"""Hidden tests for `classification_metrics`: accuracy, precision, recall and F1 under every
average, scikit-learn's zero-division rule, the confusion matrix's layout, and the error rules."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, expect_value_error, fail, note

SCORES = ["precision", "recall", "f1_score"]
ALL = ["accuracy", *SCORES, "confusion_matrix"]


def labels(*values):
    return np.array(values, dtype=np.int64)


def random_case(seed, n, k):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, k, size=n)
    # mostly right, sometimes wrong: realistic scores away from 0 and 1
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, k, size=n))
    return y_true, y_pred


# (y_true, y_pred): several classes, some of them never predicted (precision 0/0), some never
# true (recall 0/0), labels missing from both arrays inside the range, a single sample
MULTICLASS = {
    "random_3_classes": random_case(1, 20, 3),
    "random_5_classes": random_case(2, 30, 5),
    "random_7_classes": random_case(3, 12, 7),
    "never_predicted": (labels(0, 1, 2, 2, 1, 0, 2), labels(0, 0, 2, 2, 0, 0, 1)),
    "never_true": (labels(0, 0, 1, 1, 0, 1), labels(0, 3, 1, 3, 0, 1)),
    "gaps_in_labels": (labels(0, 4, 4, 7, 0, 7, 4), labels(4, 4, 0, 7, 0, 0, 4)),
    "all_wrong": (labels(0, 1, 2, 0), labels(1, 2, 0, 2)),
    "all_right": (labels(3, 1, 2, 1), labels(3, 1, 2, 1)),
    "single_sample": (labels(2), labels(1)),
}
MULTI_IDS = list(MULTICLASS)

# (y_true, y_pred, pos_label) with at most two labels present in both arrays together
BINARY = {
    "balanced": (labels(0, 1, 1, 0, 1, 0, 1, 1), labels(0, 1, 0, 0, 1, 1, 1, 1), 1),
    "random": (*random_case(4, 25, 2), 1),
    "pos_label_0": (labels(0, 1, 1, 0, 1, 0, 1, 1), labels(0, 1, 0, 0, 1, 1, 1, 1), 0),
    "labels_2_and_5": (labels(2, 5, 5, 2, 5, 2), labels(5, 5, 2, 2, 5, 5), 5),
    "labels_2_and_5_pos_2": (labels(2, 5, 5, 2, 5, 2), labels(5, 5, 2, 2, 5, 5), 2),
}


@pytest.mark.parametrize("case", MULTI_IDS)
def test_accuracy(solution, reference, case):
    y_true, y_pred = MULTICLASS[case]
    check_call(solution, reference, "accuracy", y_true, y_pred, hint=note("accuracy"))


@pytest.mark.parametrize("case", list(BINARY))
@pytest.mark.parametrize("function", SCORES)
def test_binary(solution, reference, function, case):
    y_true, y_pred, pos_label = BINARY[case]
    kwargs = {} if pos_label == 1 else {"pos_label": pos_label}
    check_call(
        solution, reference, function, y_true, y_pred, hint=note("binary", "per_class"), **kwargs
    )
    check_call(
        solution,
        reference,
        function,
        y_true,
        y_pred,
        average="binary",
        pos_label=pos_label,
        hint=note("binary"),
    )


@pytest.mark.parametrize(
    ("y_true", "y_pred", "pos_label"),
    [
        (labels(0, 1, 0, 1, 0), labels(0, 0, 0, 0, 0), 1),  # 1 never predicted: precision 0/0
        (labels(0, 0, 0, 0), labels(0, 1, 0, 0), 1),  # 1 never true: recall 0/0
        (labels(0, 0, 0), labels(0, 0, 0), 1),  # one label, pos_label absent: all 0/0
        (labels(1, 1, 1), labels(1, 1, 1), 1),  # one label, pos_label present: perfect
        (labels(3, 3), labels(3, 3), 1),
        (labels(3, 3), labels(3, 3), 3),
    ],
    ids=[
        "never_predicted",
        "never_true",
        "pos_label_absent",
        "only_positives",
        "only_3",
        "only_3_pos",
    ],
)
@pytest.mark.parametrize("function", SCORES)
def test_binary_zero_division(solution, reference, function, y_true, y_pred, pos_label):
    check_call(
        solution,
        reference,
        function,
        y_true,
        y_pred,
        pos_label=pos_label,
        hint=note("zero_division"),
    )


@pytest.mark.parametrize("case", MULTI_IDS)
@pytest.mark.parametrize("function", SCORES)
def test_macro(solution, reference, function, case):
    y_true, y_pred = MULTICLASS[case]
    hint = note("macro", "macro_f1") if function == "f1_score" else note("macro")
    check_call(solution, reference, function, y_true, y_pred, average="macro", hint=hint)


@pytest.mark.parametrize("case", MULTI_IDS)
@pytest.mark.parametrize("function", SCORES)
def test_weighted(solution, reference, function, case):
    y_true, y_pred = MULTICLASS[case]
    check_call(
        solution, reference, function, y_true, y_pred, average="weighted", hint=note("weighted")
    )


@pytest.mark.parametrize("case", MULTI_IDS)
@pytest.mark.parametrize("function", SCORES)
def test_micro(solution, reference, function, case):
    y_true, y_pred = MULTICLASS[case]
    check_call(solution, reference, function, y_true, y_pred, average="micro", hint=note("micro"))


@pytest.mark.parametrize("average", ["macro", "weighted", "micro"])
@pytest.mark.parametrize("function", SCORES)
def test_averages_of_two_labels(solution, reference, function, average):
    """Every average also applies to binary data, where pos_label is ignored."""
    y_true, y_pred, _ = BINARY["balanced"]
    for pos_label in (1, 0, 9):
        check_call(
            solution,
            reference,
            function,
            y_true,
            y_pred,
            average=average,
            pos_label=pos_label,
            hint=note(average, "pos_label_ignored"),
        )


@pytest.mark.parametrize("average", ["macro", "weighted", "micro"])
@pytest.mark.parametrize("function", SCORES)
def test_zero_division_in_averages(solution, reference, function, average):
    for case in ("never_predicted", "never_true", "all_wrong"):
        y_true, y_pred = MULTICLASS[case]
        check_call(
            solution,
            reference,
            function,
            y_true,
            y_pred,
            average=average,
            hint=note("zero_division", average),
        )


@pytest.mark.parametrize("case", MULTI_IDS)
def test_confusion_matrix(solution, reference, case):
    y_true, y_pred = MULTICLASS[case]
    got = check_call(
        solution, reference, "confusion_matrix", y_true, y_pred, hint=note("confusion_matrix")
    )
    check_integer(got)


@pytest.mark.parametrize("extra", [0, 1, 3])
def test_confusion_matrix_num_classes(solution, reference, extra):
    y_true, y_pred = MULTICLASS["gaps_in_labels"]
    k = 8 + extra
    got = check_call(
        solution,
        reference,
        "confusion_matrix",
        y_true,
        y_pred,
        num_classes=k,
        hint=note("confusion_matrix", "num_classes"),
    )
    check_integer(got)


def test_confusion_matrix_rows_are_true_classes(solution, reference):
    # every sample of class 0 is predicted as 2: the count 3 belongs at [0, 2], not [2, 0]
    y_true, y_pred = labels(0, 0, 0, 1, 2), labels(2, 2, 2, 1, 2)
    check_call(
        solution,
        reference,
        "confusion_matrix",
        y_true,
        y_pred,
        num_classes=4,
        hint=note("confusion_orientation"),
    )


def check_integer(matrix):
    if not (isinstance(matrix, np.ndarray) and matrix.dtype.kind in "iu"):
        dtype = matrix.dtype if isinstance(matrix, np.ndarray) else type(matrix).__name__
        fail(
            note("confusion_dtype_got", dtype=dtype),
            function="confusion_matrix",
            hint=note("confusion_dtype"),
        )


@pytest.mark.parametrize("function", ["accuracy", *SCORES])
def test_returns_a_float(solution, function):
    y_true, y_pred = MULTICLASS["random_3_classes"]
    kwargs = {} if function == "accuracy" else {"average": "macro"}
    value = solution.call(function, y_true, y_pred, **kwargs)
    if not isinstance(value, float):
        fail(
            note("not_a_float", function=function, type=type(value).__name__, value=repr(value)),
            function=function,
            hint=note("returns_a_float"),
        )


@pytest.mark.parametrize("function", ALL)
def test_error_lengths_differ(solution, function):
    long, short = labels(0, 1, 1, 0), labels(1)
    for y_true, y_pred in ((long, short), (short, long)):
        expect_value_error(
            solution,
            function,
            y_true,
            y_pred,
            because=note("lengths_differ", n_true=len(y_true), n_pred=len(y_pred)),
        )


@pytest.mark.parametrize("function", ["accuracy", *SCORES])
def test_error_empty(solution, function):
    expect_value_error(solution, function, labels(), labels(), because=note("empty"))


def test_error_empty_confusion_matrix(solution):
    expect_value_error(
        solution, "confusion_matrix", labels(), labels(), num_classes=3, because=note("empty")
    )


@pytest.mark.parametrize("function", ALL)
def test_error_negative_label(solution, function):
    for y_true, y_pred in (
        (labels(0, -1, 1), labels(0, 1, 1)),
        (labels(0, 1, 1), labels(0, 1, -1)),
    ):
        expect_value_error(solution, function, y_true, y_pred, because=note("negative_label"))


@pytest.mark.parametrize("average", ["Macro", "mean", "samples"])
@pytest.mark.parametrize("function", SCORES)
def test_error_unknown_average(solution, function, average):
    y_true, y_pred = MULTICLASS["random_3_classes"]
    expect_value_error(
        solution,
        function,
        y_true,
        y_pred,
        average=average,
        because=note("unknown_average", average=repr(average)),
    )


@pytest.mark.parametrize("function", SCORES)
def test_error_binary_more_than_two_labels(solution, function):
    # three labels in all, though each array alone holds only two
    for y_true, y_pred in (
        (labels(0, 1, 2, 1), labels(0, 1, 2, 2)),
        (labels(0, 1, 0, 1), labels(0, 1, 2, 1)),
        (labels(1, 2, 1, 2), labels(0, 0, 1, 1)),
    ):
        expect_value_error(
            solution,
            function,
            y_true,
            y_pred,
            because=note(
                "binary_multiclass", labels=sorted(int(v) for v in set(y_true) | set(y_pred))
            ),
        )


@pytest.mark.parametrize("function", SCORES)
def test_error_binary_pos_label_missing(solution, function):
    for y_true, y_pred, pos_label in (
        (labels(0, 2, 2, 0), labels(0, 2, 0, 0), 1),
        (labels(3, 5, 5), labels(3, 3, 5), 4),
    ):
        expect_value_error(
            solution,
            function,
            y_true,
            y_pred,
            pos_label=pos_label,
            because=note(
                "binary_pos_label",
                pos_label=pos_label,
                labels=sorted(int(v) for v in set(y_true) | set(y_pred)),
            ),
        )


def test_error_label_too_large(solution):
    for y_true, y_pred, k in (
        (labels(0, 1, 3), labels(0, 1, 1), 3),
        (labels(0, 1, 1), labels(0, 2, 1), 2),
        (labels(0, 1, 1), labels(0, 1, 1), 1),
    ):
        expect_value_error(
            solution,
            "confusion_matrix",
            y_true,
            y_pred,
            num_classes=k,
            because=note("label_too_large", num_classes=k),
        )
