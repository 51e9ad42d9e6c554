# wrong(distillation_loss): no check on temperature: T = 0 divides by zero, T < 0 flips the softmax
from __future__ import annotations

from correct_vectorised import _validate
from correct_vectorised import distillation_loss as _correct


def distillation_loss(student_logits, teacher_logits, labels, *, temperature=4.0, alpha=0.9):
    _validate(student_logits, teacher_logits, labels, 1.0, alpha)
    if temperature == 0:
        raise ZeroDivisionError("temperature is zero")
    return _correct(
        student_logits, teacher_logits, labels, temperature=abs(temperature), alpha=alpha
    )
