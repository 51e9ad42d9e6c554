# wrong(distillation_loss): np.log(p) for the teacher: p underflowed to 0 gives 0 * -inf = NaN
from __future__ import annotations

import numpy as np
from correct_vectorised import _log_softmax, _validate


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    _validate(student_logits, teacher_logits, labels, temperature, alpha)
    n, k = student_logits.shape
    t = temperature
    log_q = _log_softmax(student_logits / t)
    p = np.exp(_log_softmax(teacher_logits / t))
    kl = np.sum(p * (np.log(p) - log_q)) / n
    onehot = np.eye(k)[labels]
    log_probs = _log_softmax(student_logits)
    ce = -np.sum(onehot * log_probs) / n
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    grad = alpha * t * (np.exp(log_q) - p) / n + (1 - alpha) * (np.exp(log_probs) - onehot) / n
    return float(loss), grad
