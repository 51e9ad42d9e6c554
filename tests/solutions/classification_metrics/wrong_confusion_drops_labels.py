# wrong(confusion_matrix): a label >= num_classes silently drops its sample (as scikit-learn)
import numpy as np
from correct_from_matrix import _check, accuracy, f1_score, precision, recall  # noqa: F401


def confusion_matrix(y_true, y_pred, *, num_classes=None):
    y_true, y_pred = _check(y_true, y_pred)
    k = int(max(y_true.max(), y_pred.max())) + 1 if num_classes is None else int(num_classes)
    m = np.zeros((k, k), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        if t < k and p < k:
            m[t, p] += 1
    return m
