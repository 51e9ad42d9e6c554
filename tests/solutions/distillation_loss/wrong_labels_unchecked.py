# wrong(distillation_loss): labels only checked for length: -1 silently picks the last class
from __future__ import annotations

from correct_vectorised import distillation_loss as _correct


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    n, k = student_logits.shape
    if len(labels) != n:
        raise ValueError(f"{len(labels)} labels for {n} rows")
    return _correct(
        student_logits, teacher_logits, labels % k, temperature=temperature, alpha=alpha
    )
