# wrong(roc_auc_score, roc_curve): one class is not refused: AUC 0.5, the rates 0/0 -> 0
import numpy as np


def _check(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.shape != scores.shape:
        raise ValueError("shapes differ")
    if y_true.size == 0:
        raise ValueError("empty")
    if not np.isin(y_true, [0, 1]).all():
        raise ValueError("labels must be 0 or 1")
    return y_true.astype(bool), scores


def roc_curve(y_true, scores):
    positive, scores = _check(y_true, scores)
    distinct, inverse = np.unique(scores, return_inverse=True)
    tp = np.r_[0.0, np.cumsum(np.bincount(inverse, positive, len(distinct))[::-1])]
    fp = np.r_[0.0, np.cumsum(np.bincount(inverse, ~positive, len(distinct))[::-1])]
    return fp / max(fp[-1], 1), tp / max(tp[-1], 1), np.r_[np.inf, distinct[::-1]]


def roc_auc_score(y_true, scores):
    positive, scores = _check(y_true, scores)
    if positive.all() or not positive.any():
        return 0.5  # "no information"
    pos, neg = scores[positive], scores[~positive]
    return float(((pos[:, None] > neg) + 0.5 * (pos[:, None] == neg)).mean())
