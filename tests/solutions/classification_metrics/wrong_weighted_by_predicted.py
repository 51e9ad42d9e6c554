# wrong(precision, recall, f1_score): "weighted" weights classes by #(y_pred == c), not support
import numpy as np
from correct_from_matrix import _check, _matrix, accuracy, confusion_matrix  # noqa: F401
from correct_from_matrix import f1_score as _f1
from correct_from_matrix import precision as _precision
from correct_from_matrix import recall as _recall


def _reweighted(fallback, y_true, y_pred, average, pos_label):
    if average != "weighted":
        return fallback(y_true, y_pred, average=average, pos_label=pos_label)
    y_true, y_pred = _check(y_true, y_pred)
    total = 0.0
    for c in np.union1d(y_true, y_pred):
        mask_true, mask_pred = y_true == c, y_pred == c
        score = fallback(mask_true.astype(int), mask_pred.astype(int), pos_label=1)
        total += score * mask_pred.sum()
    return float(total / len(y_pred))


def precision(y_true, y_pred, *, average="binary", pos_label=1):
    return _reweighted(_precision, y_true, y_pred, average, pos_label)


def recall(y_true, y_pred, *, average="binary", pos_label=1):
    return _reweighted(_recall, y_true, y_pred, average, pos_label)


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _reweighted(_f1, y_true, y_pred, average, pos_label)
