"""Classification metrics.

Implement accuracy, precision, recall, F1 and the confusion matrix for integer class labels, with
the values `sklearn.metrics` gives (`zero_division=0`, the default `labels=None`). Each score is a
Python float; the confusion matrix is an integer array.

Shared rules: `y_true` and `y_pred` are 1-D integer arrays of the same length N >= 1 holding
class labels >= 0. Raise ValueError when their lengths differ (even when one has length 1 and
would broadcast), when they are empty, or when a label is negative.
"""

import numpy as np


def accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """The fraction of samples whose predicted label equals the true label.

    Args:
        y_true: (N,) integer array, the true class of each sample.
        y_pred: (N,) integer array, the predicted class of each sample.

    Returns:
        A float in [0, 1] (as `sklearn.metrics.accuracy_score`).

    Raises:
        ValueError: lengths differ, empty input, or a negative label.
    """
    raise NotImplementedError


def precision(
    y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary", pos_label: int = 1
) -> float:
    """Precision as `sklearn.metrics.precision_score(..., zero_division=0)`.

    For a class c: tp = #(y_true == c and y_pred == c); precision = tp / #(y_pred == c), and 0.0
    when the denominator is 0 (c is never predicted).

    `average` says which classes and how to combine them:
      - "binary": the score of class `pos_label` alone. The labels occurring in y_true and y_pred
        together may be at most two, and when there are two, `pos_label` must be one of them
        (otherwise ValueError). With a single label present the formula applies as is.
      - "macro": the unweighted mean of the per-class scores over the classes that occur in
        y_true or y_pred (a label occurring in neither is not a class).
      - "weighted": the per-class scores averaged with weights #(y_true == c), the support.
      - "micro": tp and the denominators summed over the classes before dividing.
    `pos_label` is ignored unless average == "binary".

    Args:
        y_true: (N,) integer array of true labels.
        y_pred: (N,) integer array of predicted labels.
        average: "binary", "macro", "weighted" or "micro".
        pos_label: the positive class for average="binary".

    Returns:
        A float in [0, 1].

    Raises:
        ValueError: lengths differ, empty input, a negative label, an unknown `average`, or for
            "binary" more than two labels, or two labels without `pos_label` among them.
    """
    raise NotImplementedError


def recall(
    y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary", pos_label: int = 1
) -> float:
    """Recall as `sklearn.metrics.recall_score(..., zero_division=0)`.

    For a class c: recall = tp / #(y_true == c), and 0.0 when c never occurs in y_true.
    `average` and `pos_label` mean what they mean in `precision` (same classes, same rules).

    Returns:
        A float in [0, 1].

    Raises:
        ValueError: as `precision`.
    """
    raise NotImplementedError


def f1_score(
    y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary", pos_label: int = 1
) -> float:
    """F1 as `sklearn.metrics.f1_score(..., zero_division=0)`.

    For a class c: F1 = 2 tp / (#(y_pred == c) + #(y_true == c)), the harmonic mean of that
    class's precision and recall, and 0.0 when the denominator is 0. "macro" and "weighted"
    average the per-class F1 scores (macro F1 is not the F1 of macro precision and macro recall);
    "micro" sums tp and the denominators first. `average` and `pos_label` as in `precision`.

    Returns:
        A float in [0, 1].

    Raises:
        ValueError: as `precision`.
    """
    raise NotImplementedError


def confusion_matrix(
    y_true: np.ndarray, y_pred: np.ndarray, *, num_classes: int | None = None
) -> np.ndarray:
    """The confusion matrix: entry [i, j] counts the samples of true class i predicted as j.

    Rows are true classes, columns predicted classes; equals
    `sklearn.metrics.confusion_matrix(y_true, y_pred, labels=range(K))`.

    Args:
        y_true: (N,) integer array of true labels.
        y_pred: (N,) integer array of predicted labels.
        num_classes: K; by default the largest label in either array plus one.

    Returns:
        An integer array of shape (K, K) whose entries sum to N.

    Raises:
        ValueError: lengths differ, empty input, a negative label, or a label >= num_classes
            (scikit-learn would silently drop that sample).
    """
    raise NotImplementedError
