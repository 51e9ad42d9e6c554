"""Hidden tests for the `sigmoid` kata: stable sigmoid and tanh, forward and backward."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_backward, check_call, check_gradient_numerically, fail, note

SHAPES = [(3, 5), (1, 4), (2, 3, 4), (6,)]
# Magnitudes up to 1e4 (contract rule 7); exp(709.8) is the largest finite float64 exponential.
EXTREMES = np.array(
    [-1e4, -1000.0, -745.0, -710.0, -40.0, -1e-8, 0.0, 1e-8, 40.0, 710.0, 1000.0, 1e4]
)


# Tails where the value is tiny and only a formula without cancellation keeps its relative
# precision: 1 - sigmoid(-x) and 0.5 * (1 + tanh(x / 2)) are off by 1e-3 at x = -30, 0 at -40.
# Kept inside the normal float64 range (sigmoid(-700) ~ 1e-304), where every exact formula agrees.
# fmt: off
SIGMOID_TAILS = np.array([
    -700.0, -600.0, -300.0, -100.0, -50.0, -40.0, -36.5, -30.0, -25.0, -20.0, -15.0, -10.0,
    -5.0, -1.0, -1e-3, 0.0, 1e-3, 1.0, 5.0, 10.0, 20.0, 40.0,
])
# Backward: s * (1 - s) from the cached output is exact where s is small (x < 0) but cancels
# where s is near 1, as PyTorch's does; x <= 8 (and its perturbed copy, |x| * 1.5 at most)
# keeps every exact formula within 1e-9 of each other while the negative tail is checked.
SIGMOID_BACKWARD_TAILS = np.array([
    [-450.0, -300.0, -100.0, -45.0, -40.0, -30.0, -20.0],
    [-10.0, -3.0, -1e-8, 0.0, 0.0, 2.0, 8.0],
])
# Near 0 tanh(x) ~ x is tiny: 2 * sigmoid(2x) - 1 cancels (relative error 1e-4 at 1e-12).
TANH_SMALL = np.array([
    -1e-300, 1e-300, 1e-100, -1e-20, 1e-12, -1e-12, 3e-9, -1e-8, 1e-6, -1e-4, 0.0, 1e-2,
    -0.3, 2.0, -20.0, 40.0,
])
# fmt: on


def _x(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Moderate inputs, a few of them exactly 0."""
    x = np.random.default_rng(seed).standard_normal(shape) * 3.0
    x.flat[::4] = 0.0
    return x


@pytest.mark.parametrize("shape", SHAPES)
def test_sigmoid_forward(solution, reference, shape):
    check_call(
        solution,
        reference,
        "sigmoid_forward",
        _x(shape, 1),
        outputs=("out",),
        hint=note("sigmoid_forward"),
    )


def test_sigmoid_forward_integers(solution, reference):
    x = np.arange(-6.0, 7.0).reshape(1, 13)
    check_call(
        solution,
        reference,
        "sigmoid_forward",
        x,
        outputs=("out",),
        hint=note("sigmoid_forward_integers"),
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_sigmoid_backward(solution, reference, shape):
    check_backward(
        solution,
        reference,
        "sigmoid_forward",
        "sigmoid_backward",
        {"x": _x(shape, 2)},
        seed=2,
        hint=note("sigmoid_backward"),
    )


def test_sigmoid_backward_matches_own_forward(solution):
    check_gradient_numerically(
        solution,
        "sigmoid_forward",
        "sigmoid_backward",
        {"x": _x((4, 5), 3)},
        seed=3,
        hint=note("sigmoid_backward"),
    )


def test_sigmoid_stable(solution, reference):
    check_call(
        solution.stable,
        reference.stable,
        "sigmoid_forward",
        EXTREMES,
        outputs=("out",),
        hint=note("stable"),
    )


def test_sigmoid_saturates_exactly(solution):
    out, _ = solution.stable.sigmoid_forward(np.array([-1000.0, 1000.0]))
    out = np.asarray(out)
    if out.shape != (2,) or out[0] != 0.0 or out[1] != 1.0:
        fail(
            note("saturates_exactly", got=out.tolist()),
            function="sigmoid_forward",
            hint=note("sigmoid_saturates_exactly"),
        )


def test_sigmoid_tails_precise(solution, reference):
    check_call(
        solution.stable,
        reference.stable,
        "sigmoid_forward",
        SIGMOID_TAILS,
        outputs=("out",),
        floor=0.0,
        hint=note("tail"),
    )


def test_sigmoid_backward_tails_precise(solution, reference):
    check_backward(
        solution.stable,
        reference.stable,
        "sigmoid_forward",
        "sigmoid_backward",
        {"x": SIGMOID_BACKWARD_TAILS},
        seed=9,
        floor=0.0,
        hint=note("slope_tail", "tail"),
    )


def test_sigmoid_backward_stable(solution, reference):
    check_backward(
        solution.stable,
        reference.stable,
        "sigmoid_forward",
        "sigmoid_backward",
        {"x": EXTREMES},
        seed=4,
        hint=note("sigmoid_backward_stable"),
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_tanh_forward(solution, reference, shape):
    check_call(
        solution,
        reference,
        "tanh_forward",
        _x(shape, 5),
        outputs=("out",),
        hint=note("tanh_forward"),
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_tanh_backward(solution, reference, shape):
    check_backward(
        solution,
        reference,
        "tanh_forward",
        "tanh_backward",
        {"x": _x(shape, 6)},
        seed=6,
        hint=note("tanh_backward"),
    )


def test_tanh_backward_matches_own_forward(solution):
    check_gradient_numerically(
        solution,
        "tanh_forward",
        "tanh_backward",
        {"x": _x((4, 5), 7)},
        seed=7,
        hint=note("tanh_backward"),
    )


def test_tanh_small_inputs_precise(solution, reference):
    check_call(
        solution.stable,
        reference.stable,
        "tanh_forward",
        TANH_SMALL,
        outputs=("out",),
        floor=0.0,
        hint=note("tanh_small_inputs_precise"),
    )


def test_tanh_backward_precise(solution, reference):
    x = np.concatenate([TANH_SMALL[np.abs(TANH_SMALL) < 3], [-2.5]]).reshape(3, 5)
    check_backward(
        solution.stable,
        reference.stable,
        "tanh_forward",
        "tanh_backward",
        {"x": x},
        seed=10,
        floor=0.0,
        hint=note("tanh_backward"),
    )


def test_tanh_stable(solution, reference):
    check_call(
        solution.stable,
        reference.stable,
        "tanh_forward",
        EXTREMES,
        outputs=("out",),
        hint=note("tanh_stable"),
    )
    check_backward(
        solution.stable,
        reference.stable,
        "tanh_forward",
        "tanh_backward",
        {"x": EXTREMES},
        seed=8,
        hint=note("tanh_backward"),
    )
