# wrong(precision): macro precision over np.unique(y_true): labels only predicted left out
import numpy as np
from correct_from_matrix import _check, accuracy, confusion_matrix, f1_score, recall  # noqa: F401
from correct_from_matrix import precision as _precision


def precision(y_true, y_pred, *, average="binary", pos_label=1):
    if average != "macro":
        return _precision(y_true, y_pred, average=average, pos_label=pos_label)
    y_true, y_pred = _check(y_true, y_pred)
    scores = []
    for c in np.unique(y_true):
        predicted = np.sum(y_pred == c)
        tp = np.sum((y_pred == c) & (y_true == c))
        scores.append(tp / predicted if predicted else 0.0)
    return float(np.mean(scores))
