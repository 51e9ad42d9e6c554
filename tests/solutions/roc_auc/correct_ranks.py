# correct: np.unique groups tied scores, counts cumulated from the top; AUC from average ranks
import numpy as np


def _check(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.ndim != 1 or y_true.shape != scores.shape:
        raise ValueError(f"shapes {y_true.shape} and {scores.shape} differ")
    if y_true.size == 0:
        raise ValueError("nothing to score")
    if not np.isin(y_true, [0, 1]).all():
        raise ValueError("labels must be 0 or 1")
    positive = y_true.astype(bool)
    if positive.all() or not positive.any():
        raise ValueError("need both classes in y_true")
    return positive, scores


def roc_curve(y_true, scores):
    positive, scores = _check(y_true, scores)
    distinct, inverse = np.unique(scores, return_inverse=True)  # increasing
    pos_per_score = np.bincount(inverse, weights=positive, minlength=len(distinct))
    neg_per_score = np.bincount(inverse, weights=~positive, minlength=len(distinct))
    tp = np.concatenate([[0.0], np.cumsum(pos_per_score[::-1])])
    fp = np.concatenate([[0.0], np.cumsum(neg_per_score[::-1])])
    thresholds = np.concatenate([[np.inf], distinct[::-1]])
    return fp / fp[-1], tp / tp[-1], thresholds


def roc_auc_score(y_true, scores):
    positive, scores = _check(y_true, scores)
    # Mann-Whitney U: average ranks (1-based) so that tied samples share their ranks equally
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    first_rank = np.concatenate([[0], np.cumsum(counts)[:-1]]) + 1
    average_rank = first_rank + (counts - 1) / 2
    ranks = average_rank[inverse]
    n_pos, n_neg = positive.sum(), (~positive).sum()
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
