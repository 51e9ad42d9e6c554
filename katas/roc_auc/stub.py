"""The ROC curve and the area under it (ROC-AUC).

A binary classifier gives each sample a score, higher meaning more likely positive. Implement the
ROC curve (the true-positive rate against the false-positive rate as the decision threshold
sweeps over the scores) and the area under it, with the values of `sklearn.metrics.roc_curve`
(`drop_intermediate=False`) and `sklearn.metrics.roc_auc_score`.

Shared rules: `y_true` is a 1-D array of 0 and 1 (or booleans), 1 the positive class; `scores` a
1-D float array of the same length. Raise ValueError when the lengths differ (even when one has
length 1 and would broadcast), when the arrays are empty, when a label is anything but 0 or 1,
and when only one class occurs in `y_true`.
"""

import numpy as np


def roc_curve(y_true: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ROC curve, one point per distinct score.

    The thresholds are `np.inf` followed by the distinct values of `scores` in decreasing order.
    At threshold t a sample is predicted positive when its score is >= t, so
    tpr = #(positives with score >= t) / #positives and fpr = #(negatives with score >= t) /
    #negatives. The curve starts at (0, 0) (threshold inf) and ends at (1, 1) (the lowest score).
    Samples with equal scores are always on the same side of a threshold: a tie is one point of
    the curve, never split into several.

    Args:
        y_true: (N,) array of 0 and 1 (or booleans).
        scores: (N,) float array, higher meaning more likely positive.

    Returns:
        (fpr, tpr, thresholds): three float64 arrays of shape (D + 1,), D the number of distinct
        scores; fpr and tpr never decrease, thresholds strictly decrease.

    Raises:
        ValueError: lengths differ, empty input, a label other than 0 and 1, or only one class
            in y_true.
    """
    raise NotImplementedError


def roc_auc_score(y_true: np.ndarray, scores: np.ndarray) -> float:
    """The area under the ROC curve of `roc_curve`, by the trapezoidal rule.

    Equals the probability that a randomly chosen positive scores higher than a randomly chosen
    negative, a tie counting one half. 1.0 is a perfect ranking, 0.5 a random one (or all scores
    equal), 0.0 a perfectly inverted one.

    Args:
        y_true: (N,) array of 0 and 1 (or booleans).
        scores: (N,) float array, higher meaning more likely positive.

    Returns:
        A float in [0, 1].

    Raises:
        ValueError: as `roc_curve` (scikit-learn returns NaN with a warning for a single class;
            here it is an error).
    """
    raise NotImplementedError
