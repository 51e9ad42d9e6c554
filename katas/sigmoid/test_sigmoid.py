"""Hidden tests for the `sigmoid` kata: stable sigmoid and tanh, forward and backward."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_backward, check_call, check_gradient_numerically, fail

SHAPES = [(3, 5), (1, 4), (2, 3, 4), (6,)]
# Magnitudes up to 1e4 (contract rule 7); exp(709.8) is the largest finite float64 exponential.
EXTREMES = np.array(
    [-1e4, -1000.0, -745.0, -710.0, -40.0, -1e-8, 0.0, 1e-8, 40.0, 710.0, 1000.0, 1e4]
)

STABLE_HINT = (
    "Never exponentiate a large positive number: use exp(-|x|), which lies in (0, 1], and pick "
    "the formula by the sign of x. np.where(c, a, b) computes both a and b everywhere, so an "
    "overflowing branch still overflows."
)
SIGMOID_BACKWARD_HINT = (
    "sigmoid'(x) = s * (1 - s) with s = sigmoid(x), the forward pass's output, not x itself: "
    "cache the output and use dx = dout * s * (1 - s)."
)
TANH_BACKWARD_HINT = "tanh'(x) = 1 - tanh(x)**2: dx = dout * (1 - t * t) with t the forward output."


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
TAIL_HINT = (
    "Every value must be right to about 1e-7 of its own size, tiny ones included: "
    "sigmoid(-30) = 9.357623e-14. 1 - 1 / (1 + exp(x)) and 0.5 * (1 + tanh(x / 2)) subtract "
    "two numbers close to 1 and lose those digits (both give 0 at x = -40); e^x / (1 + e^x) "
    "does not."
)


def _x(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Moderate inputs, a few of them exactly 0."""
    x = np.random.default_rng(seed).standard_normal(shape) * 3.0
    x.flat[::4] = 0.0
    return x


@pytest.mark.parametrize("shape", SHAPES)
def test_sigmoid_forward(solution, reference, shape):
    """sigmoid_forward on moderate inputs of several shapes."""
    check_call(
        solution,
        reference,
        "sigmoid_forward",
        _x(shape, 1),
        outputs=("out",),
        hint="sigmoid(x) = 1 / (1 + exp(-x)).",
    )


def test_sigmoid_forward_integers(solution, reference):
    """sigmoid_forward on integer-valued inputs, sigmoid(0) = 0.5 included."""
    x = np.arange(-6.0, 7.0).reshape(1, 13)
    check_call(
        solution,
        reference,
        "sigmoid_forward",
        x,
        outputs=("out",),
        hint="sigmoid(x) = 1 / (1 + exp(-x)); sigmoid(0) = 0.5.",
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_sigmoid_backward(solution, reference, shape):
    """sigmoid_backward against the reference for a random upstream gradient."""
    check_backward(
        solution,
        reference,
        "sigmoid_forward",
        "sigmoid_backward",
        {"x": _x(shape, 2)},
        seed=2,
        hint=SIGMOID_BACKWARD_HINT,
    )


def test_sigmoid_backward_matches_own_forward(solution):
    """sigmoid_backward against central differences of your own sigmoid_forward."""
    check_gradient_numerically(
        solution,
        "sigmoid_forward",
        "sigmoid_backward",
        {"x": _x((4, 5), 3)},
        seed=3,
        hint=SIGMOID_BACKWARD_HINT,
    )


def test_sigmoid_stable(solution, reference):
    """sigmoid_forward is stable for |x| up to 1e4: no overflow, NaN or division warning."""
    check_call(
        solution.stable,
        reference.stable,
        "sigmoid_forward",
        EXTREMES,
        outputs=("out",),
        hint=STABLE_HINT,
    )


def test_sigmoid_saturates_exactly(solution):
    """sigmoid(-1000.0) == 0.0 and sigmoid(1000.0) == 1.0 exactly, as the contract says."""
    out, _ = solution.stable.sigmoid_forward(np.array([-1000.0, 1000.0]))
    out = np.asarray(out)
    if out.shape != (2,) or out[0] != 0.0 or out[1] != 1.0:
        fail(
            f"sigmoid([-1000.0, 1000.0]) should be exactly [0.0, 1.0]; got {out.tolist()}",
            function="sigmoid_forward",
            hint="Compute the exact formula stably instead of clipping x to a range such as "
            "[-500, 500]: sigmoid(-1000) underflows to exactly 0.0 in float64.",
        )


def test_sigmoid_tails_precise(solution, reference):
    """sigmoid_forward is precise in its tails: sigmoid(-30) to 1e-7 of its own size, not of 1."""
    check_call(
        solution.stable,
        reference.stable,
        "sigmoid_forward",
        SIGMOID_TAILS,
        outputs=("out",),
        floor=0.0,
        hint=TAIL_HINT,
    )


def test_sigmoid_backward_tails_precise(solution, reference):
    """sigmoid_backward is precise where the slope is tiny (x down to -450), to its own size."""
    check_backward(
        solution.stable,
        reference.stable,
        "sigmoid_forward",
        "sigmoid_backward",
        {"x": SIGMOID_BACKWARD_TAILS},
        seed=9,
        floor=0.0,
        hint="The slope s * (1 - s) is about s = e^x for very negative x: it is accurate from "
        "the cached output s. 0.25 * (1 - tanh(x / 2)**2) or a cancelling s lose it (0 at "
        "x = -40). " + TAIL_HINT,
    )


def test_sigmoid_backward_stable(solution, reference):
    """sigmoid_backward is stable for |x| up to 1e4."""
    check_backward(
        solution.stable,
        reference.stable,
        "sigmoid_forward",
        "sigmoid_backward",
        {"x": EXTREMES},
        seed=4,
        hint="Compute the gradient from the cached output s: dout * s * (1 - s) "
        "never overflows, unlike exp(-x) / (1 + exp(-x))**2 recomputed from x.",
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_tanh_forward(solution, reference, shape):
    """tanh_forward on moderate inputs of several shapes."""
    check_call(
        solution,
        reference,
        "tanh_forward",
        _x(shape, 5),
        outputs=("out",),
        hint="tanh(x) = (e^x - e^-x) / (e^x + e^-x) = 2 * sigmoid(2x) - 1 (note the 2x).",
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_tanh_backward(solution, reference, shape):
    """tanh_backward against the reference for a random upstream gradient."""
    check_backward(
        solution,
        reference,
        "tanh_forward",
        "tanh_backward",
        {"x": _x(shape, 6)},
        seed=6,
        hint=TANH_BACKWARD_HINT,
    )


def test_tanh_backward_matches_own_forward(solution):
    """tanh_backward against central differences of your own tanh_forward."""
    check_gradient_numerically(
        solution,
        "tanh_forward",
        "tanh_backward",
        {"x": _x((4, 5), 7)},
        seed=7,
        hint=TANH_BACKWARD_HINT,
    )


def test_tanh_small_inputs_precise(solution, reference):
    """tanh_forward is precise near 0: tanh(1e-12) to 1e-7 of its own size, not of 1."""
    check_call(
        solution.stable,
        reference.stable,
        "tanh_forward",
        TANH_SMALL,
        outputs=("out",),
        floor=0.0,
        hint="Near 0, tanh(x) ~ x is tiny and must keep its relative precision: "
        "2 * sigmoid(2x) - 1 subtracts two numbers close to 1 and keeps only about 1e-16 "
        "absolute (relative error 1e-4 at x = 1e-12). np.tanh, or expm1, does not cancel.",
    )


def test_tanh_backward_precise(solution, reference):
    """tanh_backward compared element by element to its own size, on small and moderate inputs."""
    x = np.concatenate([TANH_SMALL[np.abs(TANH_SMALL) < 3], [-2.5]]).reshape(3, 5)
    check_backward(
        solution.stable,
        reference.stable,
        "tanh_forward",
        "tanh_backward",
        {"x": x},
        seed=10,
        floor=0.0,
        hint=TANH_BACKWARD_HINT,
    )


def test_tanh_stable(solution, reference):
    """tanh_forward and tanh_backward are stable for |x| up to 1e4."""
    check_call(
        solution.stable,
        reference.stable,
        "tanh_forward",
        EXTREMES,
        outputs=("out",),
        hint="(e^x - e^-x) / (e^x + e^-x) becomes inf / inf = NaN for large |x|; "
        "np.tanh is stable, or use exp(-2|x|) and the sign of x.",
    )
    check_backward(
        solution.stable,
        reference.stable,
        "tanh_forward",
        "tanh_backward",
        {"x": EXTREMES},
        seed=8,
        hint=TANH_BACKWARD_HINT,
    )
