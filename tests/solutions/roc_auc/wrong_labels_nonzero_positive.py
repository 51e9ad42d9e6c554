# wrong(roc_curve, roc_auc_score): labels unchecked: any nonzero label (2, -1, 0.5) is positive
import numpy as np
from correct_ranks import roc_auc_score as _roc_auc_score
from correct_ranks import roc_curve as _roc_curve


def _as_binary(y_true):
    return (np.asarray(y_true) != 0).astype(np.int64)


def roc_curve(y_true, scores):
    return _roc_curve(_as_binary(y_true), scores)


def roc_auc_score(y_true, scores):
    return _roc_auc_score(_as_binary(y_true), scores)
