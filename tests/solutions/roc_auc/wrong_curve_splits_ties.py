# wrong(roc_curve): one point per sample after a sort: tied scores are split over several points
import numpy as np
from correct_ranks import _check, roc_auc_score  # noqa: F401


def roc_curve(y_true, scores):
    positive, scores = _check(y_true, scores)
    order = np.argsort(-scores, kind="stable")
    tp = np.concatenate([[0], np.cumsum(positive[order])])
    fp = np.concatenate([[0], np.cumsum(~positive[order])])
    thresholds = np.concatenate([[np.inf], scores[order]])
    return fp / fp[-1], tp / tp[-1], thresholds
