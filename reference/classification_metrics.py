"""Reference solution for the `classification_metrics` kata: accuracy, precision, recall, F1 and
the confusion matrix for integer class labels, as scikit-learn computes them."""

from __future__ import annotations

import numpy as np

AVERAGES = ("binary", "macro", "weighted", "micro")


def _labels(y_true: np.ndarray, y_pred: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both label arrays as int64, after the checks every function shares."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"y_true and y_pred must have the same length, got shapes {y_true.shape} "
            f"and {y_pred.shape}"
        )
    if y_true.size == 0:
        raise ValueError("y_true and y_pred are empty: a metric needs at least one sample")
    if np.any(y_true < 0) or np.any(y_pred < 0):
        raise ValueError("class labels must be >= 0, got a negative label")
    return y_true.astype(np.int64), y_pred.astype(np.int64)


def accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """The fraction of samples whose predicted label equals the true label."""
    y_true, y_pred = _labels(y_true, y_pred)
    return float(np.mean(y_true == y_pred))


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator element by element, 0.0 where the denominator is 0."""
    out = np.zeros(numerator.shape, dtype=np.float64)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _score(y_true, y_pred, average, pos_label, which: str) -> float:
    if average not in AVERAGES:
        raise ValueError(f"average must be one of {AVERAGES}, got {average!r}")
    y_true, y_pred = _labels(y_true, y_pred)
    classes = np.union1d(y_true, y_pred)  # sorted; a label in neither array is not a class
    if average == "binary":
        if len(classes) > 2:
            raise ValueError(
                f"average='binary' needs at most two labels, found {classes.tolist()}: "
                "choose 'macro', 'weighted' or 'micro'"
            )
        if len(classes) == 2 and pos_label not in classes:
            raise ValueError(f"pos_label={pos_label} is not one of the labels {classes.tolist()}")
        classes = np.array([pos_label])
    # per class: true positives, predicted count, true count (the support)
    tp = np.array([np.sum((y_true == c) & (y_pred == c)) for c in classes], dtype=np.float64)
    predicted = np.array([np.sum(y_pred == c) for c in classes], dtype=np.float64)
    support = np.array([np.sum(y_true == c) for c in classes], dtype=np.float64)
    if average == "micro":
        tp, predicted, support = (a.sum(keepdims=True) for a in (tp, predicted, support))
    if which == "precision":
        scores = _ratio(tp, predicted)
    elif which == "recall":
        scores = _ratio(tp, support)
    else:
        scores = _ratio(2 * tp, predicted + support)
    if average == "weighted":
        return float(np.sum(scores * support) / np.sum(support))
    return float(np.mean(scores))  # binary and micro: one score; macro: the unweighted mean


def precision(
    y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary", pos_label: int = 1
) -> float:
    """Precision, tp / #(pred == c), 0.0 when nothing is predicted as c; averaged as asked."""
    return _score(y_true, y_pred, average, pos_label, "precision")


def recall(
    y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary", pos_label: int = 1
) -> float:
    """Recall, tp / #(true == c), 0.0 when c never occurs in y_true; averaged as asked."""
    return _score(y_true, y_pred, average, pos_label, "recall")


def f1_score(
    y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary", pos_label: int = 1
) -> float:
    """F1, 2 tp / (#(pred == c) + #(true == c)), per class, then averaged as asked."""
    return _score(y_true, y_pred, average, pos_label, "f1")


def confusion_matrix(
    y_true: np.ndarray, y_pred: np.ndarray, *, num_classes: int | None = None
) -> np.ndarray:
    """Counts (K, K): entry [i, j] counts samples of true class i predicted as class j."""
    y_true, y_pred = _labels(y_true, y_pred)
    largest = int(max(np.max(y_true, initial=-1), np.max(y_pred, initial=-1)))
    k = largest + 1 if num_classes is None else int(num_classes)
    if largest >= k:
        raise ValueError(f"label {largest} is >= num_classes={k}: labels must lie in [0, {k})")
    matrix = np.zeros((k, k), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        matrix[t, p] += 1
    return matrix
