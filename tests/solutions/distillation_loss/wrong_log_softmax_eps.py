# wrong(distillation_loss): log(softmax(z) + 1e-10) instead of log-softmax: capped, wrong losses
from __future__ import annotations

import numpy as np
from correct_vectorised import _validate


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    _validate(student_logits, teacher_logits, labels, temperature, alpha)
    n, k = student_logits.shape
    t = temperature
    q = _softmax(student_logits / t)
    p = _softmax(teacher_logits / t)
    kl = np.sum(p * (np.log(p + 1e-10) - np.log(q + 1e-10))) / n
    onehot = np.eye(k)[labels]
    probs = _softmax(student_logits)
    ce = -np.sum(onehot * np.log(probs + 1e-10)) / n
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    grad = alpha * t * (q - p) / n + (1 - alpha) * (probs - onehot) / n
    return float(loss), grad
