"""Kata `distillation_loss`: the knowledge-distillation loss of Hinton et al. (2015).

A student network learns from a teacher's softened probabilities and from the hard labels:
`loss = alpha * T**2 * KL + (1 - alpha) * CE`, exactly as PyTorch code writes it with
`F.kl_div(..., reduction="batchmean")` and `F.cross_entropy`. Return the loss and its gradient
with respect to the student's logits. Stable for logits up to 1e4 in magnitude: no overflow,
invalid-value or division-by-zero warning. Never modify an input in place.
"""

from __future__ import annotations

import numpy as np


def distillation_loss(
    student_logits: np.ndarray,
    teacher_logits: np.ndarray,
    labels: np.ndarray,
    *,
    temperature: float = 4.0,
    alpha: float = 0.9,
) -> tuple[float, np.ndarray]:
    """Knowledge-distillation loss `alpha * T**2 * KL + (1 - alpha) * CE` and its gradient.

    With `T = temperature`, `p = softmax(teacher_logits / T)` and `q = softmax(student_logits / T)`
    (softmax over the classes, axis 1):
    - `KL = (1/N) * sum over n, k of p[n, k] * (log p[n, k] - log q[n, k])`: KL(teacher || student)
      summed over the classes and divided by the batch size N only (PyTorch's
      `F.kl_div(F.log_softmax(student_logits / T, dim=1), p, reduction="batchmean")`); a term with
      `p[n, k] == 0` counts 0.
    - `CE = F.cross_entropy(student_logits, labels)`: the hard labels at temperature 1, the mean
      over the batch of `-log softmax(student_logits)[n, labels[n]]`.

    Args:
        student_logits: the student's logits, shape `(N, K)`.
        teacher_logits: the teacher's logits, shape `(N, K)`; a constant (no gradient).
        labels: the true classes, an array of an integer dtype, shape `(N,)`, each in `[0, K)`.
        temperature: `T`, strictly positive.
        alpha: the weight of the distillation (KL) term, in `[0, 1]`.

    Returns:
        `(loss, d_student_logits)`: `loss` a Python float; `d_student_logits` the gradient of
        `loss` with respect to `student_logits`, shape `(N, K)`.

    Raises:
        ValueError: unless `student_logits` is 2-D, `teacher_logits` has exactly its shape (no
            broadcasting), and that shape is non-empty; unless `labels` is an integer array of
            shape `(N,)` with values in `[0, K)`; unless `temperature > 0` and
            `0 <= alpha <= 1`.
    """
    raise NotImplementedError
