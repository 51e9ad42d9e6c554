"""Hidden tests for the `fgsm` kata: the FGSM step (sign, direction, clip) and its attack on
logistic regression (the input gradient, stable for logits up to 1e4)."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import assert_close, check_call, expect_value_error, note

ATTACK = "fgsm_attack"
LOGISTIC = "logistic_fgsm"
# Beyond this margin on the label's side p may equal y in floating point (from a logit of about
# 36.7 for the usual stable sigmoids): there the contract accepts no step as well as a full step.
# Every case below keeps its margins at most 30 or at least 40, clear of that boundary.
EITHER_MARGIN = 36.0


def _pixels(shape: tuple[int, ...], seed: int, low: float = 0.2, high: float = 0.8) -> np.ndarray:
    return np.asarray(np.random.default_rng(seed).uniform(low, high, size=shape), dtype=np.float64)


def _gradient(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Nonzero gradients of both signs over many orders of magnitude."""
    rng = np.random.default_rng(seed)
    g = np.asarray(rng.standard_normal(shape) * 10.0 ** rng.integers(-6, 4, size=shape))
    g[g == 0] = 1.0
    return g


# --- fgsm_attack -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "epsilon"), [((4, 5), 0.1), ((2, 3, 4, 4), 0.05), ((6,), 0.15), ((1, 1), 0.1)]
)
def test_attack_steps_up_the_loss(solution, reference, shape, epsilon):
    x = _pixels(shape, 1 + len(shape))
    check_call(
        solution,
        reference,
        ATTACK,
        x,
        _gradient(shape, 2 + len(shape)),
        epsilon,
        hint=note("direction"),
    )


def test_attack_zero_gradient_does_not_move(solution, reference):
    # exact zeros of both signs stay; the tiniest gradients of either sign move by a full epsilon
    grad = np.array(
        [
            [0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300],
            [1e-20, -1e-20, 0.0, 3.0, -0.0, -2.5],
            [-0.0, 0.0, -0.0, 0.0, 1e-12, -1e-12],
        ]
    )
    check_call(solution, reference, ATTACK, _pixels(grad.shape, 3), grad, 0.1, hint=note("sign"))


def test_attack_clips_to_the_pixel_range(solution, reference):
    x = np.array([[0.0, 0.02, 0.5, 0.97, 1.0, 1.0], [0.0, 0.05, 0.5, 0.93, 1.0, 0.0]])
    grad = np.array([[-1.0, -2.0, 1.0, 3.0, 0.5, 0.0], [1.0, -1.0, -1.0, 1.0, -1.0, -1.0]])
    check_call(solution, reference, ATTACK, x, grad, 0.1, hint=note("clip"))
    check_call(
        solution,
        reference,
        ATTACK,
        _pixels((3, 4), 4),
        _gradient((3, 4), 5),
        0.75,
        hint=note("clip"),
    )


@pytest.mark.parametrize(("clip_min", "clip_max"), [(-1.0, 2.0), (0.25, 0.75), (-0.5, 0.0)])
def test_attack_clip_arguments(solution, reference, clip_min, clip_max):
    # entries outside the range are clipped too, those with a zero gradient included
    x = _pixels((4, 6), 6, low=clip_min - 0.4, high=clip_max + 0.4)
    grad = _gradient((4, 6), 7)
    grad[:, ::3] = 0.0
    check_call(
        solution,
        reference,
        ATTACK,
        x,
        grad,
        0.3,
        clip_min=clip_min,
        clip_max=clip_max,
        hint=note("clip_arguments"),
    )


def test_attack_epsilon_zero(solution, reference):
    x = np.array([[-0.25, 0.0, 0.5], [1.0, 1.5, 0.75]])
    grad = np.array([[1.0, -1.0, 2.0], [-3.0, 0.0, 1.0]])
    check_call(solution, reference, ATTACK, x, grad, 0.0, hint=note("epsilon_zero"))
    check_call(solution, reference, ATTACK, x[:, :2], grad[:, :2], 0, hint=note("epsilon_zero"))


@pytest.mark.parametrize("shape", [(), (1,), (0,), (2, 0, 3), (3, 1, 2, 2)])
def test_attack_any_shape(solution, reference, shape):
    x = _pixels(shape, 8)
    grad = _gradient(shape, 9)
    check_call(solution, reference, ATTACK, x, grad, 0.125, hint=note("any_shape"))


def test_attack_negative_epsilon(solution):
    for epsilon in (-0.1, -1e-9):
        expect_value_error(
            solution,
            ATTACK,
            _pixels((2, 3), 10),
            _gradient((2, 3), 11),
            epsilon,
            because=note("negative_epsilon", epsilon=epsilon),
        )


# --- logistic_fgsm ---------------------------------------------------------------------------


def _close(got: np.ndarray, expected: np.ndarray) -> np.ndarray:
    scale = max(1.0, float(np.max(np.abs(expected), initial=0.0)))
    with np.errstate(invalid="ignore", over="ignore"):
        return np.abs(got - expected) <= 1e-7 * np.abs(expected) + 1e-10 * scale


def _check_logistic(solution, reference, x, y, w, b, epsilon, *, hint, stable=False, **clip):
    """The learner's attack against the reference's, element by element; in the rows where p may
    equal y in floating point (the logit beyond EITHER_MARGIN on the label's side) both "no step"
    and "a full step" are accepted, entry by entry (contract)."""
    impl, ref = (solution.stable, reference.stable) if stable else (solution, reference)
    got = impl.logistic_fgsm(x, y, w, b, epsilon, **clip)
    expected = ref.logistic_fgsm(x, y, w, b, epsilon, **clip)
    labels = np.asarray(y, dtype=np.float64)
    z = x @ w + b
    either = np.where(labels == 1, z, -z) > EITHER_MARGIN
    if either.any() and isinstance(got, np.ndarray) and got.shape == expected.shape:
        lo, hi = clip.get("clip_min", 0.0), clip.get("clip_max", 1.0)
        none = np.clip(x, lo, hi)
        full = np.clip(x + epsilon * (1 - 2 * labels)[:, None] * np.sign(w)[None, :], lo, hi)
        other = np.where(_close(expected, none), full, none)
        takes_other = either[:, None] & _close(np.asarray(got, dtype=np.float64), other)
        expected = np.where(takes_other, other, expected)
    assert_close(
        got,
        expected,
        what=note("logistic_result", b=b, epsilon=epsilon),
        function=LOGISTIC,
        inputs=reference.bind(LOGISTIC, (x, y, w, b, epsilon), clip),
        hint=hint,
    )


def _model(n: int, d: int, seed: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Moderate logits (|x @ w + b| well under 30), both labels, a weight exactly 0."""
    rng = np.random.default_rng(seed)
    w = rng.standard_normal(d) * 2.0
    if d > 2:
        w[1] = 0.0
    y = rng.integers(0, 2, size=n)
    if n > 1:
        y[:2] = [0, 1]
    return w, y, float(rng.standard_normal())


@pytest.mark.parametrize(("n", "d"), [(1, 1), (4, 3), (8, 5), (5, 12)])
@pytest.mark.parametrize("labels", ["int", "float"])
def test_logistic_attack(solution, reference, n, d, labels):
    w, y, b = _model(n, d, 20 + n + d)
    y = y if labels == "int" else y.astype(np.float64)
    x = _pixels((n, d), 21 + n)
    _check_logistic(solution, reference, x, y, w, b, 0.1, hint=note("input_gradient"))


def test_logistic_correctly_classified_still_attacked(solution, reference):
    # every sample on the right side of the boundary, margins from 0.5 to 20: p - y is small
    # but never 0, so every entry with w != 0 moves by epsilon
    w = np.array([4.0, -2.0, 0.0, 1.0])
    x = np.array([[0.9, 0.1, 0.5, 0.5], [0.1, 0.9, 0.5, 0.2], [0.6, 0.4, 0.3, 0.7]])
    for b, y in (
        (10.0, np.array([1, 1, 1])),
        (-13.0, np.array([0, 0, 0])),
        (-1.5, np.array([1, 0, 1])),
    ):
        _check_logistic(solution, reference, x, y, w, b, 0.05, hint=note("probability"))


def test_logistic_bias(solution, reference):
    # x @ w is about 50 (then -800) but the bias brings every logit back near 0: p is far from y,
    # so every entry with w != 0 takes a full step; without the bias p would round to y
    x = np.array([[0.5, 0.0, 0.2], [0.75, 0.25, 0.8], [0.6, 0.1, 0.4]])
    w = np.array([100.0, -100.0, 0.5])  # x @ w = 50.1, 50.4, 50.2
    _check_logistic(solution, reference, x, np.array([1, 1, 0]), w, -50.3, 0.1, hint=note("bias"))
    w = np.array([-1600.0, 1600.0, -0.5])  # x @ w = -800.1, -800.4, -800.2
    _check_logistic(solution, reference, x, np.array([0, 0, 1]), w, 800.3, 0.1, hint=note("bias"))


WRONG_SIDE = np.array([1e4, 800.0, 40.0, 25.0, -25.0, -40.0, -800.0, -1e4])


def _rows_with_logits(logits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x in [0, 1]^2 with x @ w == logits (up to rounding), for w = [1e4, -1e4] and b = 0."""
    first = np.where(logits > 0, logits / 1e4, 0.0)
    return np.stack([first, first - logits / 1e4], axis=1), np.array([1e4, -1e4])


def test_logistic_wrong_side_saturated(solution, reference):
    # logits up to 1e4 on the wrong side of the label: p - y is +-1, a full step, and stable
    x, w = _rows_with_logits(WRONG_SIDE)
    y = (WRONG_SIDE < 0).astype(np.int64)
    _check_logistic(solution, reference, x, y, w, 0.0, 0.2, stable=True, hint=note("stable"))


def test_logistic_stable_saturated_on_the_label_side(solution, reference):
    # logits up to 1e4 on the label's side: beyond about 37, no step and a full step are both
    # accepted; margins of 30 and less must step
    logits = np.array([1e4, 2000.0, 745.5, 800.0, 40.0, 30.0, 12.0, 0.0])
    x, w = _rows_with_logits(np.concatenate([logits, -logits]))
    y = np.repeat([1, 0], logits.size)
    _check_logistic(solution, reference, x, y, w, 0.0, 0.2, stable=True, hint=note("stable"))
    _check_logistic(
        solution, reference, x, y.astype(np.float64), w, 0.0, 0.2, stable=True, hint=note("stable")
    )


def test_logistic_clip_arguments(solution, reference):
    w, y, b = _model(6, 4, 30)
    x = _pixels((6, 4), 31, low=-0.8, high=0.8)
    _check_logistic(
        solution,
        reference,
        x,
        y,
        w,
        b,
        0.3,
        clip_min=-0.5,
        clip_max=0.5,
        hint=note("clip_arguments"),
    )
    _check_logistic(solution, reference, x, y, w, b, 0.25, hint=note("clip"))


def test_logistic_epsilon_zero(solution, reference):
    w, y, b = _model(3, 4, 32)
    x = _pixels((3, 4), 33, low=-0.5, high=1.5)
    _check_logistic(solution, reference, x, y, w, b, 0.0, hint=note("epsilon_zero"))


def test_logistic_negative_epsilon(solution):
    w, y, b = _model(3, 2, 34)
    expect_value_error(
        solution,
        LOGISTIC,
        _pixels((3, 2), 35),
        y,
        w,
        b,
        -0.05,
        because=note("negative_epsilon", epsilon=-0.05),
    )
