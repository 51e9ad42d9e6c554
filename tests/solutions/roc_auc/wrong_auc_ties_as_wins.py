# wrong(roc_auc_score): counts the pairs where the positive scores >= the negative: a tie counts 1
from correct_ranks import _check, roc_curve  # noqa: F401


def roc_auc_score(y_true, scores):
    positive, scores = _check(y_true, scores)
    pos, neg = scores[positive], scores[~positive]
    return float((pos[:, None] >= neg[None, :]).mean())
