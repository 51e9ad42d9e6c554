# wrong(distillation_loss): an empty batch (N = 0) is not rejected and gives a NaN loss
from __future__ import annotations

import numpy as np
from correct_vectorised import _log_softmax


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    if student_logits.ndim != 2 or teacher_logits.shape != student_logits.shape:
        raise ValueError("logits must be two (N, K) arrays of one shape")
    n, k = student_logits.shape
    if labels.shape != (n,) or labels.dtype.kind not in "iu":
        raise ValueError("labels must be N integers")
    if ((labels < 0) | (labels >= k)).any():
        raise ValueError(f"labels must lie in [0, {k})")
    if temperature <= 0 or not 0 <= alpha <= 1:
        raise ValueError("bad temperature or alpha")
    t = temperature
    log_q = _log_softmax(student_logits / t) if n else student_logits
    log_p = _log_softmax(teacher_logits / t) if n else teacher_logits
    p = np.exp(log_p)
    with np.errstate(invalid="ignore", divide="ignore"):
        kl = np.sum(p * (log_p - log_q)) / n if n else float("nan")
        log_probs = _log_softmax(student_logits) if n else student_logits
        ce = -np.mean(log_probs[np.arange(n), labels]) if n else float("nan")
    loss = alpha * t**2 * kl + (1 - alpha) * ce
    hard = np.exp(log_probs)
    hard[np.arange(n), labels] -= 1.0
    grad = (alpha * t * (np.exp(log_q) - p) + (1 - alpha) * hard) / max(n, 1)
    return float(loss), grad
