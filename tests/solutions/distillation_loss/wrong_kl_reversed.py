# wrong(distillation_loss): KL(student || teacher), q (log q - log p), the reverse direction
from __future__ import annotations

import numpy as np
from correct_vectorised import _log_softmax, _validate


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    _validate(student_logits, teacher_logits, labels, temperature, alpha)
    n, k = student_logits.shape
    t = temperature
    log_q = _log_softmax(student_logits / t)
    log_p = _log_softmax(teacher_logits / t)
    q = np.exp(log_q)
    diff = log_q - log_p
    kl = np.sum(q * diff) / n
    onehot = np.eye(k)[labels]
    log_probs = _log_softmax(student_logits)
    ce = -np.sum(onehot * log_probs) / n
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    # its exact gradient: d/dz of sum q (log q - log p) is q * (diff - sum(q * diff)) / T
    d_kl = q * (diff - np.sum(q * diff, axis=1, keepdims=True)) / t
    grad = alpha * t**2 * d_kl / n + (1 - alpha) * (np.exp(log_probs) - onehot) / n
    return float(loss), grad
