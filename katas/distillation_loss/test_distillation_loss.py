"""Hidden tests for the `distillation_loss` kata: alpha * T^2 * KL + (1 - alpha) * CE."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, check_scalar_gradient, expect_value_error, note

OUTPUTS = ("loss", "d_student_logits")
# Logits up to 1e4 in magnitude (contract rule 7), teachers and students confidently wrong.
BIG_STUDENT = np.array(
    [[1e4, 0.0, -1e4], [-1e4, -1e4 + 1.0, -1e4 + 2.0], [0.0, 5.0, 1e4], [1000.0, 1000.0, 999.0]]
)
BIG_TEACHER = np.array(
    [[-1e4, 1e4, 0.0], [3.0, -1e4, 1e4], [1e4, 1e4, -1e4], [-1000.0, 999.0, 1000.0]]
)
BIG_LABELS = np.array([2, 0, 1, 0])


def _case(n: int, k: int, seed: int, scale: float = 3.0):
    rng = np.random.default_rng(seed)
    student = rng.standard_normal((n, k)) * scale
    teacher = rng.standard_normal((n, k)) * scale
    return student, teacher, rng.integers(0, k, size=n)


@pytest.mark.parametrize(
    ("n", "k", "temperature", "alpha"),
    [
        (4, 3, 4.0, 0.9),
        (6, 10, 2.0, 0.5),
        (3, 2, 1.0, 0.7),
        (5, 4, 0.5, 0.3),
        (2, 6, 10.0, 0.25),
        (1, 5, 3.0, 0.9),
        (7, 3, 1.5, 0.6),
    ],
)
def test_loss_and_gradient(solution, reference, n, k, temperature, alpha):
    student, teacher, labels = _case(n, k, 10 * n + k)
    check_call(
        solution,
        reference,
        "distillation_loss",
        student,
        teacher,
        labels,
        temperature=temperature,
        alpha=alpha,
        outputs=OUTPUTS,
        hint=note("formula"),
    )


def test_defaults(solution, reference):
    student, teacher, labels = _case(4, 5, 3)
    check_call(
        solution,
        reference,
        "distillation_loss",
        student,
        teacher,
        labels,
        outputs=OUTPUTS,
        hint=note("defaults"),
    )


@pytest.mark.parametrize("temperature", [1.0, 4.0, 20.0])
def test_soft_term_alone(solution, reference, temperature):
    student, teacher, labels = _case(5, 4, 20 + int(temperature))
    check_call(
        solution,
        reference,
        "distillation_loss",
        student,
        teacher,
        labels,
        temperature=temperature,
        alpha=1.0,
        outputs=OUTPUTS,
        hint=note("soft_term"),
    )


def test_hard_term_alone(solution, reference):
    student, teacher, labels = _case(5, 4, 30)
    check_call(
        solution,
        reference,
        "distillation_loss",
        student,
        teacher,
        labels,
        temperature=4.0,
        alpha=0.0,
        outputs=OUTPUTS,
        hint=note("hard_term"),
    )


def test_student_equals_teacher(solution, reference):
    z = np.array([[1.0, -2.0, 0.5, 0.0], [3.0, 3.0, -1.0, 2.0], [0.0, 0.0, 0.0, 0.0]])
    for alpha in (1.0, 0.5):
        check_call(
            solution,
            reference,
            "distillation_loss",
            z,
            z.copy(),
            np.array([0, 1, 3]),
            temperature=2.0,
            alpha=alpha,
            outputs=OUTPUTS,
            hint=note("equal_logits"),
        )


def test_single_class_and_single_sample(solution, reference):
    check_call(
        solution,
        reference,
        "distillation_loss",
        np.array([[3.0], [-2.0]]),
        np.array([[1.0], [5.0]]),
        np.array([0, 0]),
        outputs=OUTPUTS,
        hint=note("single_class"),
    )
    check_call(
        solution,
        reference,
        "distillation_loss",
        np.array([[0.5, -1.0, 2.0]]),
        np.array([[2.0, 0.0, -1.0]]),
        np.array([1]),
        temperature=2.5,
        alpha=0.4,
        outputs=OUTPUTS,
        hint=note("formula"),
    )


@pytest.mark.parametrize(("temperature", "alpha"), [(4.0, 0.9), (1.0, 0.5), (0.7, 0.2)])
def test_gradient_matches_own_loss(solution, temperature, alpha):
    student, teacher, labels = _case(4, 3, 40 + int(10 * temperature), scale=1.5)
    inputs = {"student_logits": student, "teacher_logits": teacher, "labels": labels}
    check_scalar_gradient(
        solution,
        "distillation_loss",
        inputs,
        wrt="student_logits",
        value=lambda r: r[0],
        gradient=lambda r: r[1],
        kwargs={"temperature": temperature, "alpha": alpha},
        seed=int(10 * temperature),
        hint=note("gradient_matches_own_loss"),
    )


@pytest.mark.parametrize("temperature", [1.0, 4.0, 0.5])
def test_stable(solution, reference, temperature):
    check_call(
        solution.stable,
        reference.stable,
        "distillation_loss",
        BIG_STUDENT,
        BIG_TEACHER,
        BIG_LABELS,
        temperature=temperature,
        alpha=0.8,
        outputs=OUTPUTS,
        hint=note("stable"),
    )


def test_confident_teacher(solution, reference):
    # Softened teacher probabilities down to exp(-200) and exactly 0: p log p counts 0 at p == 0.
    student = np.array([[0.5, -0.5, 1.0], [2.0, 0.0, -2.0]])
    teacher = np.array([[800.0, 0.0, -800.0], [0.0, 4000.0, 0.0]])
    check_call(
        solution.stable,
        reference.stable,
        "distillation_loss",
        student,
        teacher,
        np.array([0, 1]),
        temperature=4.0,
        alpha=0.9,
        outputs=OUTPUTS,
        hint=note("zero_probability"),
    )


def _z():
    return np.zeros((3, 4)), np.ones((3, 4)), np.array([0, 1, 2])


def test_error_logits_not_2d(solution):
    expect_value_error(
        solution,
        "distillation_loss",
        np.zeros((2, 3, 4)),
        np.zeros((2, 3, 4)),
        np.array([0, 1]),
        because=note("logits_3d", shape=(2, 3, 4)),
    )
    expect_value_error(
        solution,
        "distillation_loss",
        np.zeros(4),
        np.zeros(4),
        np.array([1]),
        because=note("logits_3d", shape=(4,)),
    )


def test_error_shapes_differ(solution):
    student, _, labels = _z()
    for shape in ((1, 4), (3, 1)):
        expect_value_error(
            solution,
            "distillation_loss",
            student,
            np.zeros(shape),
            labels,
            because=note("shapes_differ", student=(3, 4), teacher=shape),
        )


def test_error_empty_batch(solution):
    expect_value_error(
        solution,
        "distillation_loss",
        np.zeros((0, 4)),
        np.zeros((0, 4)),
        np.zeros(0, dtype=np.int64),
        because=note("empty", shape=(0, 4)),
    )


@pytest.mark.parametrize("labels", [[0, 1], [2], [0, 1, 2, 3]], ids=["2", "1", "4"])
def test_error_label_count(solution, labels):
    student, teacher, _ = _z()
    expect_value_error(
        solution,
        "distillation_loss",
        student,
        teacher,
        np.array(labels),
        because=note("label_count", count=len(labels)),
    )


def test_error_labels_column(solution):
    student, teacher, _ = _z()
    expect_value_error(
        solution,
        "distillation_loss",
        student,
        teacher,
        np.array([[0], [1], [2]]),
        because=note("labels_column"),
    )


def test_error_float_labels(solution):
    student, teacher, _ = _z()
    expect_value_error(
        solution,
        "distillation_loss",
        student,
        teacher,
        np.array([0.0, 1.0, 2.0]),
        because=note("float_labels"),
    )


@pytest.mark.parametrize("label", [4, -1])
def test_error_label_out_of_range(solution, label):
    student, teacher, _ = _z()
    expect_value_error(
        solution,
        "distillation_loss",
        student,
        teacher,
        np.array([0, label, 1]),
        because=note("label_range", label=label),
    )


@pytest.mark.parametrize("temperature", [0.0, -2.0])
def test_error_temperature(solution, temperature):
    expect_value_error(
        solution,
        "distillation_loss",
        *_z(),
        temperature=temperature,
        because=note("temperature", value=temperature),
    )


@pytest.mark.parametrize("alpha", [-0.1, 1.5])
def test_error_alpha(solution, alpha):
    expect_value_error(
        solution,
        "distillation_loss",
        *_z(),
        alpha=alpha,
        because=note("alpha", value=alpha),
    )
