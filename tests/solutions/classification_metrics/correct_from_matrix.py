# correct: every score read off one confusion matrix (np.add.at): diagonal, row and column sums
import numpy as np

_AVERAGES = {"binary", "macro", "weighted", "micro"}


def _check(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"shapes differ: {y_true.shape} and {y_pred.shape}")
    if y_true.size == 0:
        raise ValueError("no samples")
    if (y_true < 0).any() or (y_pred < 0).any():
        raise ValueError("labels must be non-negative")
    return y_true.astype(np.intp), y_pred.astype(np.intp)


def _matrix(y_true, y_pred, k):
    m = np.zeros((k, k), dtype=np.int64)
    np.add.at(m, (y_true, y_pred), 1)
    return m


def accuracy(y_true, y_pred):
    y_true, y_pred = _check(y_true, y_pred)
    m = _matrix(y_true, y_pred, int(max(y_true.max(), y_pred.max())) + 1)
    return float(np.trace(m) / m.sum())


def _score(kind, y_true, y_pred, average, pos_label):
    if average not in _AVERAGES:
        raise ValueError(f"average={average!r} is not one of {sorted(_AVERAGES)}")
    y_true, y_pred = _check(y_true, y_pred)
    k = int(max(y_true.max(), y_pred.max(), pos_label if average == "binary" else 0)) + 1
    m = _matrix(y_true, y_pred, k)
    tp, support, predicted = np.diag(m), m.sum(axis=1), m.sum(axis=0)
    present = (support + predicted) > 0
    if average == "binary":
        if present.sum() > 2:
            raise ValueError("more than two labels for average='binary'")
        if present.sum() == 2 and not present[pos_label]:
            raise ValueError(f"pos_label={pos_label} does not occur")
        pick = np.arange(k) == pos_label
    else:
        pick = present
    tp, support, predicted = tp[pick], support[pick], predicted[pick]
    if average == "micro":
        tp, support, predicted = tp.sum(), support.sum(), predicted.sum()
    numerator = {"precision": tp, "recall": tp, "f1": 2 * tp}[kind]
    denominator = {"precision": predicted, "recall": support, "f1": predicted + support}[kind]
    scores = np.divide(
        numerator,
        denominator,
        out=np.zeros(np.shape(numerator)),
        where=np.asarray(denominator) > 0,
    )
    if average == "weighted":
        return float(np.average(scores, weights=support))
    return float(np.mean(scores))


def precision(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("precision", y_true, y_pred, average, pos_label)


def recall(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("recall", y_true, y_pred, average, pos_label)


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _score("f1", y_true, y_pred, average, pos_label)


def confusion_matrix(y_true, y_pred, *, num_classes=None):
    y_true, y_pred = _check(y_true, y_pred)
    largest = int(max(y_true.max(), y_pred.max()))
    k = largest + 1 if num_classes is None else int(num_classes)
    if largest >= k:
        raise ValueError(f"label {largest} does not fit num_classes={k}")
    return _matrix(y_true, y_pred, k)
