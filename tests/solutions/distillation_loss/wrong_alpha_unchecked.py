# wrong(distillation_loss): alpha never checked against [0, 1]: -0.1 or 1.5 give a loss anyway
from __future__ import annotations

from correct_vectorised import _validate
from correct_vectorised import distillation_loss as _correct


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    _validate(student_logits, teacher_logits, labels, temperature, 0.5)
    clipped = min(max(alpha, 0.0), 1.0)
    return _correct(student_logits, teacher_logits, labels, temperature=temperature, alpha=clipped)
