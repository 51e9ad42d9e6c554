# wrong(distillation_loss): alpha weights the hard cross-entropy and 1 - alpha the KL term
from __future__ import annotations

from correct_vectorised import distillation_loss as _correct


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    if not 0 <= alpha <= 1:
        raise ValueError(f"alpha {alpha} outside [0, 1]")
    return _correct(
        student_logits, teacher_logits, labels, temperature=temperature, alpha=1.0 - alpha
    )
