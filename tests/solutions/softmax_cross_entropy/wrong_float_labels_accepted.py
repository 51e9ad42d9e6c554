# wrong(softmax_cross_entropy): one-hot as labels == arange(K), no dtype check: float labels pass
from __future__ import annotations

import numpy as np
from correct_logsumexp import _logsumexp, softmax  # noqa: F401


def softmax_cross_entropy(logits, labels):
    if logits.ndim != 2:
        raise ValueError(f"logits must be (N, K), got {logits.shape}")
    n, k = logits.shape
    if len(labels) != n:
        raise ValueError(f"{len(labels)} labels for {n} rows")
    if labels.min() < 0 or labels.max() >= k:
        raise ValueError(f"labels must lie in [0, {k})")
    onehot = (labels[:, None] == np.arange(k)).astype(np.float64)
    log_probs = logits - _logsumexp(logits, axis=1)
    loss = -float(np.sum(onehot * log_probs) / n)
    return loss, (np.exp(log_probs) - onehot) / n
