"""Reference solution for the `roc_auc` kata: the ROC curve of a binary scorer and the area
under it, as scikit-learn computes them (`drop_intermediate=False`)."""

from __future__ import annotations

import numpy as np


def _check(y_true: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The labels as booleans (True = positive) and the scores as float64, after the checks."""
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=np.float64)
    if y_true.shape != scores.shape:
        raise ValueError(
            f"y_true and scores must have the same length, got shapes {y_true.shape} "
            f"and {scores.shape}"
        )
    if y_true.size == 0:
        raise ValueError("y_true and scores are empty: a ROC curve needs samples")
    if not np.all((y_true == 0) | (y_true == 1)):
        raise ValueError(f"y_true must hold only 0 and 1, got {np.unique(y_true).tolist()}")
    if np.unique(y_true).size == 1:
        raise ValueError(
            "only one class occurs in y_true: the ROC curve needs positives and negatives"
        )
    return y_true == 1, scores


def roc_curve(y_true: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(fpr, tpr, thresholds), one point per distinct score after the point at threshold inf."""
    positive, scores = _check(y_true, scores)
    order = np.argsort(-scores, kind="stable")  # highest score first
    sorted_scores, sorted_positive = scores[order], positive[order]
    true_positives = np.cumsum(sorted_positive)
    false_positives = np.cumsum(~sorted_positive)
    # the last sample of each run of equal scores: a threshold takes all tied samples at once
    last = np.flatnonzero(np.r_[sorted_scores[1:] != sorted_scores[:-1], True])
    tpr = np.r_[0, true_positives[last]] / true_positives[-1]
    fpr = np.r_[0, false_positives[last]] / false_positives[-1]
    thresholds = np.r_[np.inf, sorted_scores[last]]
    return fpr.astype(np.float64), tpr.astype(np.float64), thresholds


def roc_auc_score(y_true: np.ndarray, scores: np.ndarray) -> float:
    """The area under the ROC curve by the trapezoidal rule (ties count one half)."""
    fpr, tpr, _ = roc_curve(y_true, scores)
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
