# wrong(f1_score): macro and weighted F1 as the harmonic mean of the averaged precision and recall
from correct_from_matrix import accuracy, confusion_matrix, precision, recall  # noqa: F401
from correct_from_matrix import f1_score as _per_class_f1


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    if average in ("macro", "weighted"):
        p = precision(y_true, y_pred, average=average)
        r = recall(y_true, y_pred, average=average)
        return 2 * p * r / (p + r) if p + r > 0 else 0.0
    return _per_class_f1(y_true, y_pred, average=average, pos_label=pos_label)
