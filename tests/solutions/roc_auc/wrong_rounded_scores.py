# wrong(roc_curve, roc_auc_score): scores rounded to 6 decimals: near-equal scores merged
import numpy as np
from correct_ranks import roc_auc_score as _roc_auc_score
from correct_ranks import roc_curve as _roc_curve


def roc_curve(y_true, scores):
    return _roc_curve(y_true, np.round(np.asarray(scores, dtype=float), 6))


def roc_auc_score(y_true, scores):
    return _roc_auc_score(y_true, np.round(np.asarray(scores, dtype=float), 6))
