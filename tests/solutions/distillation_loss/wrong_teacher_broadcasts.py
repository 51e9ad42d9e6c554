# wrong(distillation_loss): teacher_logits' shape never compared: a (1, K) teacher broadcasts
from __future__ import annotations

import numpy as np
from correct_vectorised import _log_softmax


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    if student_logits.ndim != 2 or student_logits.size == 0:
        raise ValueError(f"student_logits must be (N, K), got {student_logits.shape}")
    n, k = student_logits.shape
    if labels.shape != (n,) or labels.dtype.kind not in "iu":
        raise ValueError("labels must be N integers")
    if labels.min() < 0 or labels.max() >= k:
        raise ValueError(f"labels must lie in [0, {k})")
    if temperature <= 0 or not 0 <= alpha <= 1:
        raise ValueError("bad temperature or alpha")
    t = temperature
    log_q = _log_softmax(student_logits / t)
    log_p = _log_softmax(teacher_logits / t)
    p = np.exp(log_p)
    kl = np.sum(p * (log_p - log_q)) / n
    onehot = np.eye(k)[labels]
    log_probs = _log_softmax(student_logits)
    ce = -np.sum(onehot * log_probs) / n
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    grad = alpha * t * (np.exp(log_q) - p) / n + (1 - alpha) * (np.exp(log_probs) - onehot) / n
    return float(loss), grad
