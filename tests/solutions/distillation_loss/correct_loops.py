# correct: plain Python loops over rows and classes with math.exp / math.log, skipping p == 0
from __future__ import annotations

import math

import numpy as np


def _log_softmax_row(row):
    m = max(row)
    log_total = math.log(sum(math.exp(v - m) for v in row))
    return [v - m - log_total for v in row]


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    s = np.asarray(student_logits)
    t_logits = np.asarray(teacher_logits)
    y = np.asarray(labels)
    if s.ndim != 2:
        raise ValueError("student_logits must be 2-D")
    if t_logits.shape != s.shape:
        raise ValueError("teacher_logits must have the shape of student_logits")
    n, k = s.shape
    if n == 0 or k == 0:
        raise ValueError("empty logits")
    if y.ndim != 1 or len(y) != n or not np.issubdtype(y.dtype, np.integer):
        raise ValueError("labels must be N integers")
    for label in y:
        if not 0 <= label < k:
            raise ValueError(f"label {label} outside [0, {k})")
    if not temperature > 0:
        raise ValueError("temperature must be positive")
    if not 0.0 <= alpha <= 1.0:
        raise ValueError("alpha must lie in [0, 1]")

    T = float(temperature)
    kl = 0.0
    ce = 0.0
    grad = np.zeros((n, k))
    for i in range(n):
        log_q = _log_softmax_row([v / T for v in s[i]])
        log_p = _log_softmax_row([v / T for v in t_logits[i]])
        log_h = _log_softmax_row(list(s[i]))
        ce -= log_h[int(y[i])]
        for j in range(k):
            p = math.exp(log_p[j])
            if p > 0.0:
                kl += p * (log_p[j] - log_q[j])
            hard = math.exp(log_h[j]) - (1.0 if j == y[i] else 0.0)
            grad[i, j] = (alpha * T * (math.exp(log_q[j]) - p) + (1.0 - alpha) * hard) / n
    loss = alpha * T * T * kl / n + (1.0 - alpha) * ce / n
    return loss, grad
