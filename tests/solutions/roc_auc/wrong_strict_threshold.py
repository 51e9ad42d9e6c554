# wrong(roc_curve): a sample counts as positive when its score is > t, not >= t
import numpy as np
from correct_ranks import _check, roc_auc_score  # noqa: F401


def roc_curve(y_true, scores):
    positive, scores = _check(y_true, scores)
    thresholds = np.concatenate([[np.inf], np.unique(scores)[::-1]])
    above = scores[None, :] > thresholds[:, None]
    tpr = (above & positive).sum(axis=1) / positive.sum()
    fpr = (above & ~positive).sum(axis=1) / (~positive).sum()
    return fpr, tpr, thresholds
