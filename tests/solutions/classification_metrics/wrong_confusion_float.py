# wrong(confusion_matrix): counts accumulated in np.zeros((K, K)), a float64 array, not integers
import numpy as np
from correct_from_matrix import _check, accuracy, f1_score, precision, recall  # noqa: F401


def confusion_matrix(y_true, y_pred, *, num_classes=None):
    y_true, y_pred = _check(y_true, y_pred)
    largest = int(max(y_true.max(), y_pred.max()))
    k = largest + 1 if num_classes is None else int(num_classes)
    if largest >= k:
        raise ValueError(f"label {largest} does not fit num_classes={k}")
    m = np.zeros((k, k))
    np.add.at(m, (y_true, y_pred), 1)
    return m
