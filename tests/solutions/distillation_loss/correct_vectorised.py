# correct: KL as sum(p log p) - sum(p log q) (entropy form), one-hot from np.eye, one validation
from __future__ import annotations

import numpy as np


def _log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    return z - (m + np.log(np.exp(z - m).sum(axis=1, keepdims=True)))


def _validate(student, teacher, labels, temperature, alpha):
    if student.ndim != 2 or teacher.shape != student.shape or student.size == 0:
        raise ValueError(f"logits must be two (N, K) arrays: {student.shape}, {teacher.shape}")
    n, k = student.shape
    if labels.shape != (n,) or labels.dtype.kind not in "iu":
        raise ValueError(f"labels must be {n} integers, got {labels.shape} {labels.dtype}")
    if labels.size and (labels.min() < 0 or labels.max() >= k):
        raise ValueError(f"labels must lie in [0, {k})")
    if temperature <= 0 or alpha < 0 or alpha > 1:
        raise ValueError(f"need temperature > 0 and alpha in [0, 1]: {temperature}, {alpha}")


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    _validate(student_logits, teacher_logits, labels, temperature, alpha)
    n, k = student_logits.shape
    t = temperature
    log_q = _log_softmax(student_logits / t)
    log_p = _log_softmax(teacher_logits / t)
    p = np.exp(log_p)
    kl = (np.sum(p * log_p) - np.sum(p * log_q)) / n
    onehot = np.eye(k)[labels]
    log_probs = _log_softmax(student_logits)
    ce = -np.sum(onehot * log_probs) / n
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    grad = alpha * t * (np.exp(log_q) - p) / n + (1 - alpha) * (np.exp(log_probs) - onehot) / n
    return float(loss), grad
