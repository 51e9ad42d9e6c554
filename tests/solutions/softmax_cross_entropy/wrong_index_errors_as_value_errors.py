# wrong(softmax_cross_entropy): IndexError made a ValueError, no shape check: 1 label broadcasts
from __future__ import annotations

import numpy as np
from correct_logsumexp import _logsumexp, softmax  # noqa: F401


def softmax_cross_entropy(logits, labels):
    if logits.ndim != 2:
        raise ValueError(f"logits must be (N, K), got {logits.shape}")
    n = logits.shape[0]
    if (labels < 0).any():
        raise ValueError("negative label")
    log_probs = logits - _logsumexp(logits, axis=1)
    try:
        picked = log_probs[np.arange(n), labels]
    except IndexError as error:
        raise ValueError(f"labels do not fit logits {logits.shape}: {error}") from None
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), labels] -= 1.0
    return -float(np.mean(picked)), dlogits / n
