# wrong(roc_auc_score): Mann-Whitney with argsort ranks: ties get distinct ranks, not their mean
import numpy as np
from correct_ranks import _check, roc_curve  # noqa: F401


def roc_auc_score(y_true, scores):
    positive, scores = _check(y_true, scores)
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores, kind="stable")] = np.arange(1, len(scores) + 1)
    n_pos, n_neg = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
