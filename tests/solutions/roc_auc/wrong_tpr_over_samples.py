# wrong(roc_curve): both rates divided by the number of samples N, not by #positives and #negatives
from correct_ranks import _check, roc_auc_score  # noqa: F401
from correct_ranks import roc_curve as _roc_curve


def roc_curve(y_true, scores):
    positive, _ = _check(y_true, scores)
    fpr, tpr, thresholds = _roc_curve(y_true, scores)
    n_pos, n_neg, n = positive.sum(), (~positive).sum(), len(positive)
    return fpr * n_neg / n, tpr * n_pos / n, thresholds
