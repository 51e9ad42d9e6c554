# wrong(roc_curve): no length check: a single score broadcasts against every label
import numpy as np
from correct_ranks import roc_auc_score  # noqa: F401


def roc_curve(y_true, scores):
    positive = np.asarray(y_true)
    if positive.size == 0:
        raise ValueError("empty")
    if not np.isin(positive, [0, 1]).all():
        raise ValueError("labels must be 0 or 1")
    positive = positive.astype(bool)
    if positive.all() or not positive.any():
        raise ValueError("one class")
    scores = np.broadcast_to(np.asarray(scores, dtype=float), positive.shape)
    thresholds = np.r_[np.inf, np.unique(scores)[::-1]]
    chosen = scores[None, :] >= thresholds[:, None]
    return (
        (chosen & ~positive).sum(axis=1) / (~positive).sum(),
        (chosen & positive).sum(axis=1) / positive.sum(),
        thresholds,
    )
