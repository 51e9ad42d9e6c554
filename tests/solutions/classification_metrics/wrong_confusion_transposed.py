# wrong(confusion_matrix): rows are the predicted classes and columns the true ones (the transpose)
from correct_from_matrix import _check, _matrix, accuracy, f1_score, precision, recall  # noqa: F401


def confusion_matrix(y_true, y_pred, *, num_classes=None):
    y_true, y_pred = _check(y_true, y_pred)
    largest = int(max(y_true.max(), y_pred.max()))
    k = largest + 1 if num_classes is None else int(num_classes)
    if largest >= k:
        raise ValueError(f"label {largest} does not fit num_classes={k}")
    return _matrix(y_pred, y_true, k)
