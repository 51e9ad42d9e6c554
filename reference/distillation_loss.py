"""Reference solution for the `distillation_loss` kata: Hinton's knowledge-distillation loss."""

from __future__ import annotations

import numpy as np


def _log_softmax(z: np.ndarray) -> np.ndarray:
    """`log softmax` over axis 1 as `z - logsumexp(z)`, with each row's max subtracted first."""
    shifted = z - z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))  # log of a sum >= 1


def distillation_loss(
    student_logits: np.ndarray,
    teacher_logits: np.ndarray,
    labels: np.ndarray,
    *,
    temperature: float = 4.0,
    alpha: float = 0.9,
) -> tuple[float, np.ndarray]:
    """`alpha * T**2 * KL(teacher_T || student_T) + (1 - alpha) * CE(student, labels)`.

    Args:
        student_logits: the student's logits, shape `(N, K)`.
        teacher_logits: the teacher's logits, shape `(N, K)` (a constant: no gradient).
        labels: integer class indices, shape `(N,)`, each in `[0, K)`.
        temperature: `T > 0`, dividing both logit arrays inside the KL term.
        alpha: the weight of the soft (KL) term, in `[0, 1]`.

    Returns:
        `(loss, d_student_logits)`: the loss a Python float and its gradient with respect to
        `student_logits`, shape `(N, K)`.

    Raises:
        ValueError: if the logit arrays are not 2-D of the same non-empty shape, `labels` is
            not a 1-D integer array of length N with values in `[0, K)`, `temperature <= 0`, or
            `alpha` lies outside `[0, 1]`.
    """
    student = np.asarray(student_logits, dtype=np.float64)
    teacher = np.asarray(teacher_logits, dtype=np.float64)
    labels = np.asarray(labels)
    if student.ndim != 2:
        raise ValueError(f"student_logits must be 2-D (N, K), got shape {student.shape}")
    if teacher.shape != student.shape:
        raise ValueError(
            f"teacher_logits {teacher.shape} must have the shape of student_logits {student.shape}"
        )
    n, k = student.shape[0], student.shape[1]
    if n == 0 or k == 0:
        raise ValueError(f"the logits are empty: shape {student.shape}")
    if labels.shape != (n,):
        raise ValueError(f"labels must have shape ({n},), got {labels.shape}")
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be integers, got dtype {labels.dtype}")
    bad = (labels < 0) | (labels >= k)
    if bad.any():
        raise ValueError(f"labels must lie in [0, {k}); got {labels[bad][0]}")
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    if not 0 <= alpha <= 1:
        raise ValueError(f"alpha must lie in [0, 1], got {alpha}")

    t = float(temperature)
    log_q = _log_softmax(student / t)  # the student's softened log-probabilities
    log_p = _log_softmax(teacher / t)  # the teacher's
    p = np.exp(log_p)
    # KL(p || q) summed over classes and rows, divided by N only ("batchmean"); p == 0 gives 0.
    kl = float(np.sum(p * (log_p - log_q)) / n)

    log_probs = _log_softmax(student)  # temperature 1 for the hard labels
    rows = np.arange(n)
    ce = float(-np.mean(log_probs[rows, labels]))
    loss = alpha * t * t * kl + (1.0 - alpha) * ce

    # d(T^2 KL)/dz = T^2 * (1/T) * (q - p) / N; d(CE)/dz = (softmax(z) - onehot) / N.
    hard = np.exp(log_probs)
    hard[rows, labels] -= 1.0
    d_student = (alpha * t * (np.exp(log_q) - p) + (1.0 - alpha) * hard) / n
    return float(loss), d_student
