# wrong(precision): a class that is never predicted gets precision 1.0 (zero_division=1), not 0.0
import numpy as np
from correct_from_matrix import (  # noqa: F401
    _check,
    _matrix,
    accuracy,
    confusion_matrix,
    f1_score,
    recall,
)


def precision(y_true, y_pred, *, average="binary", pos_label=1):
    if average not in ("binary", "macro", "weighted", "micro"):
        raise ValueError(f"unknown average {average!r}")
    y_true, y_pred = _check(y_true, y_pred)
    k = int(max(y_true.max(), y_pred.max(), pos_label)) + 1
    m = _matrix(y_true, y_pred, k)
    tp, support, predicted = np.diag(m), m.sum(axis=1), m.sum(axis=0)
    present = np.flatnonzero(support + predicted)
    if average == "binary":
        if len(present) > 2 or (len(present) == 2 and pos_label not in present):
            raise ValueError("average='binary' needs at most two labels, pos_label among them")
        present = np.array([pos_label])
    if average == "micro":
        return float(tp.sum() / predicted.sum())
    tp, support, predicted = tp[present], support[present], predicted[present]
    scores = np.ones(len(present))  # "no positive prediction, no false positive": 1.0
    np.divide(tp, predicted, out=scores, where=predicted > 0)
    if average == "weighted":
        return float(np.sum(scores * support) / support.sum())
    return float(scores.mean())
