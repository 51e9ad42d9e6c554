# correct: plain Python loops over the samples, counts kept in dicts, no NumPy arithmetic
import numpy as np


def _check(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred have different lengths")
    if len(y_true) == 0:
        raise ValueError("empty input")
    for label in list(y_true) + list(y_pred):
        if label < 0:
            raise ValueError("negative label")
    return [int(v) for v in y_true], [int(v) for v in y_pred]


def accuracy(y_true, y_pred):
    y_true, y_pred = _check(y_true, y_pred)
    right = 0
    for t, p in zip(y_true, y_pred):
        if t == p:
            right += 1
    return right / len(y_true)


def _counts(y_true, y_pred):
    tp, predicted, support = {}, {}, {}
    for t, p in zip(y_true, y_pred):
        for c in (t, p):
            tp.setdefault(c, 0)
            predicted.setdefault(c, 0)
            support.setdefault(c, 0)
        predicted[p] += 1
        support[t] += 1
        if t == p:
            tp[t] += 1
    return tp, predicted, support


def _divide(a, b):
    return a / b if b else 0.0


def _one(kind, tp, predicted, support):
    if kind == "precision":
        return _divide(tp, predicted)
    if kind == "recall":
        return _divide(tp, support)
    return _divide(2 * tp, predicted + support)


def _score(kind, y_true, y_pred, average, pos_label):
    if average not in ("binary", "macro", "weighted", "micro"):
        raise ValueError(f"unknown average {average!r}")
    y_true, y_pred = _check(y_true, y_pred)
    tp, predicted, support = _counts(y_true, y_pred)
    classes = sorted(tp)
    if average == "binary":
        if len(classes) > 2:
            raise ValueError("binary average with more than two labels")
        if len(classes) == 2 and pos_label not in classes:
            raise ValueError("pos_label is not a label")
        c = pos_label
        return float(_one(kind, tp.get(c, 0), predicted.get(c, 0), support.get(c, 0)))
    if average == "micro":
        return float(_one(kind, sum(tp.values()), sum(predicted.values()), sum(support.values())))
    total, weights = 0.0, 0.0
    for c in classes:
        w = 1.0 if average == "macro" else support[c]
        total += w * _one(kind, tp[c], predicted[c], support[c])
        weights += w
    return float(total / weights)


def precision(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("precision", y_true, y_pred, average, pos_label)


def recall(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("recall", y_true, y_pred, average, pos_label)


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("f1", y_true, y_pred, average, pos_label)


def confusion_matrix(y_true, y_pred, *, num_classes=None):
    y_true, y_pred = _check(y_true, y_pred)
    largest = max(max(y_true), max(y_pred))
    k = largest + 1 if num_classes is None else num_classes
    if largest >= k:
        raise ValueError(f"label {largest} >= num_classes {k}")
    rows = [[0] * k for _ in range(k)]
    for t, p in zip(y_true, y_pred):
        rows[t][p] += 1
    return np.array(rows, dtype=np.int64).reshape(k, k)
