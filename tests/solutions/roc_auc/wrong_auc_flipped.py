# wrong(roc_auc_score): counts pairs where the negative scores higher: 1 - AUC, lower = positive
from correct_ranks import _check, roc_curve  # noqa: F401


def roc_auc_score(y_true, scores):
    positive, scores = _check(y_true, scores)
    pos, neg = scores[positive], scores[~positive]
    return float(((pos[:, None] < neg) + 0.5 * (pos[:, None] == neg)).mean())
