# wrong(roc_curve): the first threshold is max(scores) + 1 (scikit-learn before 1.3), not inf
from correct_ranks import _check, roc_auc_score  # noqa: F401
from correct_ranks import roc_curve as _roc_curve


def roc_curve(y_true, scores):
    fpr, tpr, thresholds = _roc_curve(y_true, scores)
    thresholds[0] = thresholds[1] + 1
    return fpr, tpr, thresholds
