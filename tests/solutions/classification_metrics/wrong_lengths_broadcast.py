# wrong(accuracy): no length check: a y_pred of length 1 broadcasts against y_true and gets a score
import numpy as np
from correct_from_matrix import confusion_matrix, f1_score, precision, recall  # noqa: F401


def accuracy(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.size == 0 or y_pred.size == 0:
        raise ValueError("no samples")
    if (y_true < 0).any() or (y_pred < 0).any():
        raise ValueError("labels must be non-negative")
    return float(np.mean(y_true == y_pred))
