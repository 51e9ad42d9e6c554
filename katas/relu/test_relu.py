"""Hidden tests for the `relu` kata: ReLU and leaky ReLU, forward and backward."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    GradingFailure,
    assert_close,
    check_backward,
    check_call,
    check_gradient_numerically,
)
from dlkata.judge.compare import expect_tuple

ZERO_HINT = (
    "At exactly x == 0 PyTorch takes the slope of the negative side: the gradient passes only "
    "where x > 0 (strictly), so it is 0 for ReLU and negative_slope for leaky ReLU at 0."
)
BACKWARD_HINT = "dx = dout * local slope: the upstream gradient times 1 where x > 0, else 0."
LEAKY_BACKWARD_HINT = (
    "dx = dout where x > 0 and negative_slope * dout where x <= 0: negative inputs still pass "
    "a (scaled) gradient in leaky ReLU."
)


def _with_ties(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Integer-valued floats in [-3, 3]: exact zeros, the kink, are frequent."""
    x = np.random.default_rng(seed).integers(-3, 4, size=shape).astype(np.float64)
    x.flat[0] = 0.0
    x.flat[-1] = -0.0
    return x


def _away_from_zero(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Values with |x| >= 0.1, where central differences of ReLU are exact."""
    rng = np.random.default_rng(seed)
    return np.where(rng.random(shape) < 0.5, -1.0, 1.0) * (0.1 + np.abs(rng.standard_normal(shape)))


SHAPES = [(3, 5), (1, 4), (2, 3, 2, 2), (7,)]


@pytest.mark.parametrize("shape", SHAPES)
def test_relu_forward(solution, reference, shape):
    """relu_forward on integer-valued and random inputs of several shapes."""
    for x in (_with_ties(shape, 1), np.random.default_rng(2).standard_normal(shape)):
        check_call(
            solution,
            reference,
            "relu_forward",
            x,
            outputs=("out",),
            hint="out = max(x, 0) elementwise, in a new array.",
        )


@pytest.mark.parametrize("shape", SHAPES)
def test_relu_backward(solution, reference, shape):
    """relu_backward against the reference, on inputs with exact zeros."""
    check_backward(
        solution,
        reference,
        "relu_forward",
        "relu_backward",
        {"x": _with_ties(shape, 3)},
        seed=4,
        hint=f"{BACKWARD_HINT} {ZERO_HINT}",
    )


def test_relu_gradient_at_zero(solution, reference):
    """The ReLU gradient at exactly x == 0 is 0, as in PyTorch."""
    check_backward(
        solution,
        reference,
        "relu_forward",
        "relu_backward",
        {"x": np.zeros((2, 3))},
        seed=5,
        hint=ZERO_HINT,
    )


def test_relu_backward_matches_own_forward(solution):
    """relu_backward against central differences of your own relu_forward (away from 0)."""
    check_gradient_numerically(
        solution,
        "relu_forward",
        "relu_backward",
        {"x": _away_from_zero((4, 5), 6)},
        seed=6,
        hint=BACKWARD_HINT,
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_leaky_forward_default_slope(solution, reference, shape):
    """leaky_relu_forward with the default negative_slope, which is PyTorch's 0.01."""
    check_call(
        solution,
        reference,
        "leaky_relu_forward",
        _with_ties(shape, 7),
        outputs=("out",),
        hint="The default negative_slope is 0.01, as torch.nn.LeakyReLU (TensorFlow's "
        "0.2 and Keras' 0.3 are different defaults).",
    )


@pytest.mark.parametrize("slope", [0.2, 0.0, -0.5])
def test_leaky_forward_slopes(solution, reference, slope):
    """leaky_relu_forward with several slopes, on integer-valued and random inputs."""
    x = _with_ties((3, 4), 8) + np.random.default_rng(9).standard_normal((3, 4)) * 0.5
    x[0, :2] = 0.0
    check_call(
        solution,
        reference,
        "leaky_relu_forward",
        x,
        negative_slope=slope,
        outputs=("out",),
        hint="Positive inputs pass unchanged; inputs <= 0 are multiplied by negative_slope.",
    )


def test_leaky_forward_slope_above_one(solution, reference):
    """leaky_relu_forward with negative_slope = 1.5, which PyTorch accepts."""
    x = np.array([[-2.0, -1.0, 0.0, 1.0, 2.0], [0.5, -0.5, 3.0, -3.0, 0.25]])
    check_call(
        solution,
        reference,
        "leaky_relu_forward",
        x,
        negative_slope=1.5,
        outputs=("out",),
        hint="The shortcut max(x, negative_slope * x) equals leaky ReLU only when "
        "negative_slope <= 1; select on the sign of x instead.",
    )


@pytest.mark.parametrize("slope", [0.01, 0.2, 1.5, 0.0, -0.2])
def test_leaky_backward(solution, reference, slope):
    """leaky_relu_backward against the reference, on inputs with exact zeros (slopes 0, < 0 too)."""
    check_backward(
        solution,
        reference,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": _with_ties((4, 5), 10)},
        kwargs={"negative_slope": slope},
        other_kwargs={"negative_slope": 0.3 if slope != 0.3 else 0.05},
        seed=11,
        hint=f"{LEAKY_BACKWARD_HINT} {ZERO_HINT} With a negative slope, a negative input gives a "
        "positive output: decide on the sign of x, not of the output.",
    )


@pytest.mark.parametrize("slope", [0.0, -0.2])
def test_leaky_gradient_at_zero_nonpositive_slope(solution, reference, slope):
    """At exactly x == 0 the leaky gradient is negative_slope also when it is 0 or negative."""
    x = np.array([[0.0, -0.0, 0.0], [-1.0, 2.0, 0.0]])
    check_backward(
        solution,
        reference,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": x},
        kwargs={"negative_slope": slope},
        other_kwargs={"negative_slope": 0.5},
        seed=15,
        hint=ZERO_HINT,
    )


def _backward_pairs(solution, reference, forward, backward, calls):
    """Forward passes for every call in order, then their backward passes in reverse order, the
    first one twice; each gradient against the reference's."""
    results = []
    for k, (x, kwargs) in enumerate(calls):
        got = solution.call(forward, x.copy(), **kwargs)
        expect_tuple(got, 2, forward)
        expected = reference.call(forward, x.copy(), **kwargs)
        dout = np.random.default_rng(40 + k).standard_normal(x.shape)
        results.append((got[-1], expected[-1], dout, x, kwargs))
    order = [*reversed(range(len(calls))), 0]
    latest = results[-1]
    for position, k in enumerate(order):
        cache, ref_cache, dout, x, kwargs = results[k]
        got = np.asarray(solution.call(backward, dout.copy(), cache))
        expected = reference.call(backward, dout.copy(), ref_cache)
        stale = reference.call(backward, dout.copy(), latest[1])
        described = f"{backward} for forward pass {k + 1} of {len(calls)} ({kwargs or 'x only'})"
        if k != len(calls) - 1 and not np.allclose(got, expected) and np.allclose(got, stale):
            raise GradingFailure(
                f"`{backward}` used the state of the latest forward pass, not its own cache: "
                f"after {len(calls)} forward passes, the gradient of pass {k + 1} came out as "
                "that of the last one",
                kind="cache",
                function=backward,
                hint="Put everything the backward pass needs (x or its mask, and the slope) "
                "into the cache that the forward pass returns; never keep it in a global "
                "variable, a closure or a function attribute.",
            )
        assert_close(
            got,
            expected,
            what=described
            + (" (the same cache used a second time)" if position == len(calls) else ""),
            function=backward,
            inputs={"x": x, **kwargs},
            hint=BACKWARD_HINT if forward == "relu_forward" else LEAKY_BACKWARD_HINT,
        )


def test_relu_caches_are_independent(solution, reference):
    """Two relu_forward passes with opposite signs, then the backward passes in reverse order."""
    x = _with_ties((4, 6), 16)
    _backward_pairs(solution, reference, "relu_forward", "relu_backward", [(x, {}), (-x, {})])


@pytest.mark.parametrize("second_slope", [0.0, -0.2, 0.3])
def test_leaky_caches_are_independent(solution, reference, second_slope):
    """Two leaky_relu_forward passes (another x and slope), then the backward passes reversed."""
    x = _with_ties((4, 6), 17)
    calls = [(x, {"negative_slope": 0.1}), (-x, {"negative_slope": second_slope})]
    _backward_pairs(solution, reference, "leaky_relu_forward", "leaky_relu_backward", calls)


def test_leaky_backward_default_slope(solution, reference):
    """leaky_relu_backward after a forward pass with the default slope."""
    check_backward(
        solution,
        reference,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": _with_ties((2, 6), 12)},
        seed=12,
        hint=LEAKY_BACKWARD_HINT,
    )


def test_leaky_gradient_at_zero(solution, reference):
    """The leaky ReLU gradient at exactly x == 0 is negative_slope, as in PyTorch."""
    check_backward(
        solution,
        reference,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": np.zeros((2, 3))},
        kwargs={"negative_slope": 0.1},
        seed=13,
        hint=ZERO_HINT,
    )


@pytest.mark.parametrize("slope", [0.01, 0.3])
def test_leaky_backward_matches_own_forward(solution, slope):
    """leaky_relu_backward against central differences of your own forward pass (away from 0)."""
    check_gradient_numerically(
        solution,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": _away_from_zero((3, 5), 14)},
        kwargs={"negative_slope": slope},
        seed=14,
        hint=LEAKY_BACKWARD_HINT,
    )
