# wrong(recall): tp divided by the predicted count #(y_pred == c): recall computed as precision
from correct_from_matrix import accuracy, confusion_matrix, f1_score, precision  # noqa: F401


def recall(y_true, y_pred, *, average="binary", pos_label=1):
    return precision(y_true, y_pred, average=average, pos_label=pos_label)
