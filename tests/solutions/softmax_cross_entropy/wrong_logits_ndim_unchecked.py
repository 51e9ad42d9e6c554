# wrong(softmax_cross_entropy): never checks that logits are 2-D; (N, T, K) scores pass silently
from __future__ import annotations

import numpy as np
from correct_logsumexp import _logsumexp, softmax  # noqa: F401


def softmax_cross_entropy(logits, labels):
    n, k = logits.shape[0], logits.shape[-1]
    if labels.ndim != 1 or labels.shape[0] != n:
        raise ValueError(f"expected {n} labels, got shape {labels.shape}")
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError("labels must be integers")
    if labels.min() < 0 or labels.max() >= k:
        raise ValueError(f"labels must lie in [0, {k})")
    log_probs = logits - _logsumexp(logits, axis=-1)
    loss = -float(np.mean(log_probs[np.arange(n), labels]))
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), labels] -= 1.0
    return loss, dlogits / n
