# wrong(distillation_loss): one-hot as labels == arange(K), no dtype check: float labels pass
from __future__ import annotations

import numpy as np
from correct_vectorised import _log_softmax


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    if student_logits.ndim != 2 or teacher_logits.shape != student_logits.shape:
        raise ValueError("logits must be two (N, K) arrays of one shape")
    n, k = student_logits.shape
    if n == 0 or labels.shape != (n,) or labels.min() < 0 or labels.max() >= k:
        raise ValueError("labels must be (N,) in [0, K)")
    if temperature <= 0 or not 0 <= alpha <= 1:
        raise ValueError("bad temperature or alpha")
    t = temperature
    log_q = _log_softmax(student_logits / t)
    log_p = _log_softmax(teacher_logits / t)
    p = np.exp(log_p)
    kl = np.sum(p * (log_p - log_q)) / n
    onehot = (labels[:, None] == np.arange(k)).astype(np.float64)
    log_probs = _log_softmax(student_logits)
    ce = -np.sum(onehot * log_probs) / n
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    grad = alpha * t * (np.exp(log_q) - p) / n + (1 - alpha) * (np.exp(log_probs) - onehot) / n
    return float(loss), grad
