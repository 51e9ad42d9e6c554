# wrong(distillation_loss): logits' rank never checked: (N, K, M) runs with softmax over axis 1
from __future__ import annotations

import numpy as np


def _log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    return z - (m + np.log(np.exp(z - m).sum(axis=1, keepdims=True)))


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    if teacher_logits.shape != student_logits.shape or student_logits.size == 0:
        raise ValueError("logits must have one non-empty shape")
    n, k = student_logits.shape[:2]
    if labels.shape != (n,) or labels.dtype.kind not in "iu":
        raise ValueError("labels must be N integers")
    if ((labels < 0) | (labels >= k)).any():
        raise ValueError(f"labels must lie in [0, {k})")
    if temperature <= 0 or not 0 <= alpha <= 1:
        raise ValueError("bad temperature or alpha")
    t = temperature
    log_q = _log_softmax(student_logits / t)
    log_p = _log_softmax(teacher_logits / t)
    p = np.exp(log_p)
    kl = np.sum(p * (log_p - log_q)) / n
    log_probs = _log_softmax(student_logits)
    rows = np.arange(n)
    ce = -np.mean(log_probs[rows, labels])
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    hard = np.exp(log_probs)
    hard[rows, labels] -= 1.0
    grad = (alpha * t * (np.exp(log_q) - p) + (1 - alpha) * hard) / n
    return float(loss), grad
