# wrong(distillation_loss): the teacher's softmax at temperature 1, only the student divided by T
from __future__ import annotations

import numpy as np
from correct_vectorised import _log_softmax, _validate


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    _validate(student_logits, teacher_logits, labels, temperature, alpha)
    n, k = student_logits.shape
    t = temperature
    log_q = _log_softmax(student_logits / t)
    log_p = _log_softmax(teacher_logits)
    p = np.exp(log_p)
    kl = np.sum(p * (log_p - log_q)) / n
    onehot = np.eye(k)[labels]
    log_probs = _log_softmax(student_logits)
    ce = -np.sum(onehot * log_probs) / n
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    grad = alpha * t * (np.exp(log_q) - p) / n + (1 - alpha) * (np.exp(log_probs) - onehot) / n
    return float(loss), grad
