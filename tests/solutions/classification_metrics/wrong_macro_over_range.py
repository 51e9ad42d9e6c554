# wrong(precision, recall, f1_score): macro over every label 0..max, absent labels scored 0
import numpy as np
from correct_from_matrix import _check, _matrix, accuracy, confusion_matrix  # noqa: F401
from correct_from_matrix import f1_score as _f1
from correct_from_matrix import precision as _precision
from correct_from_matrix import recall as _recall


def _score(kind, y_true, y_pred, average, pos_label, fallback):
    if average != "macro":
        return fallback(y_true, y_pred, average=average, pos_label=pos_label)
    y_true, y_pred = _check(y_true, y_pred)
    m = _matrix(y_true, y_pred, int(max(y_true.max(), y_pred.max())) + 1)
    tp, support, predicted = np.diag(m), m.sum(axis=1), m.sum(axis=0)
    denominator = {"precision": predicted, "recall": support, "f1": (predicted + support) / 2}[kind]
    scores = np.divide(tp, denominator, out=np.zeros(len(tp)), where=denominator > 0)
    return float(scores.mean())  # every label in range(K) is a class here


def precision(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("precision", y_true, y_pred, average, pos_label, _precision)


def recall(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("recall", y_true, y_pred, average, pos_label, _recall)


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("f1", y_true, y_pred, average, pos_label, _f1)
