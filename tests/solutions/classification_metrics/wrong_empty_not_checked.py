# wrong(precision, recall, f1_score): empty arrays are not refused: binary scores come out as 0.0
import numpy as np
from correct_from_matrix import accuracy, confusion_matrix  # noqa: F401
from correct_from_matrix import f1_score as _f1
from correct_from_matrix import precision as _precision
from correct_from_matrix import recall as _recall


def _or_zero(fallback, y_true, y_pred, average, pos_label):
    if (
        len(y_true) == 0
        and len(y_pred) == 0
        and average in ("binary", "macro", "weighted", "micro")
    ):
        return 0.0
    return fallback(y_true, y_pred, average=average, pos_label=pos_label)


def precision(y_true, y_pred, *, average="binary", pos_label=1):
    return _or_zero(_precision, np.asarray(y_true), np.asarray(y_pred), average, pos_label)


def recall(y_true, y_pred, *, average="binary", pos_label=1):
    return _or_zero(_recall, np.asarray(y_true), np.asarray(y_pred), average, pos_label)


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _or_zero(_f1, np.asarray(y_true), np.asarray(y_pred), average, pos_label)
