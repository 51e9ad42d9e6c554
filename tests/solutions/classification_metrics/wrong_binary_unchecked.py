# wrong(precision, recall, f1_score): "binary" never checks that at most two labels occur


from correct_from_matrix import _check, accuracy, confusion_matrix  # noqa: F401
from correct_from_matrix import f1_score as _f1
from correct_from_matrix import precision as _precision
from correct_from_matrix import recall as _recall


def _one_vs_rest(fallback, y_true, y_pred, average, pos_label):
    if average != "binary":
        return fallback(y_true, y_pred, average=average, pos_label=pos_label)
    y_true, y_pred = _check(y_true, y_pred)
    # pos_label against everything else, whatever the other labels are
    t, p = (y_true == pos_label).astype(int), (y_pred == pos_label).astype(int)
    if not t.any() and not p.any():
        return 0.0
    return fallback(t, p, pos_label=1)


def precision(y_true, y_pred, *, average="binary", pos_label=1):
    return _one_vs_rest(_precision, y_true, y_pred, average, pos_label)


def recall(y_true, y_pred, *, average="binary", pos_label=1):
    return _one_vs_rest(_recall, y_true, y_pred, average, pos_label)


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _one_vs_rest(_f1, y_true, y_pred, average, pos_label)
