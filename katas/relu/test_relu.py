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
    note,
)
from dlkata.judge.compare import expect_tuple


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
    for x in (_with_ties(shape, 1), np.random.default_rng(2).standard_normal(shape)):
        check_call(
            solution,
            reference,
            "relu_forward",
            x,
            outputs=("out",),
            hint=note("relu_forward"),
        )


@pytest.mark.parametrize("shape", SHAPES)
def test_relu_backward(solution, reference, shape):
    check_backward(
        solution,
        reference,
        "relu_forward",
        "relu_backward",
        {"x": _with_ties(shape, 3)},
        seed=4,
        hint=note("backward", "zero"),
    )


def test_relu_gradient_at_zero(solution, reference):
    check_backward(
        solution,
        reference,
        "relu_forward",
        "relu_backward",
        {"x": np.zeros((2, 3))},
        seed=5,
        hint=note("zero"),
    )


def test_relu_backward_matches_own_forward(solution):
    check_gradient_numerically(
        solution,
        "relu_forward",
        "relu_backward",
        {"x": _away_from_zero((4, 5), 6)},
        seed=6,
        hint=note("backward"),
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_leaky_forward_default_slope(solution, reference, shape):
    check_call(
        solution,
        reference,
        "leaky_relu_forward",
        _with_ties(shape, 7),
        outputs=("out",),
        hint=note("leaky_forward_default_slope"),
    )


@pytest.mark.parametrize("slope", [0.2, 0.0, -0.5])
def test_leaky_forward_slopes(solution, reference, slope):
    x = _with_ties((3, 4), 8) + np.random.default_rng(9).standard_normal((3, 4)) * 0.5
    x[0, :2] = 0.0
    check_call(
        solution,
        reference,
        "leaky_relu_forward",
        x,
        negative_slope=slope,
        outputs=("out",),
        hint=note("leaky_forward_slopes"),
    )


def test_leaky_forward_slope_above_one(solution, reference):
    x = np.array([[-2.0, -1.0, 0.0, 1.0, 2.0], [0.5, -0.5, 3.0, -3.0, 0.25]])
    check_call(
        solution,
        reference,
        "leaky_relu_forward",
        x,
        negative_slope=1.5,
        outputs=("out",),
        hint=note("leaky_forward_slope_above_one"),
    )


@pytest.mark.parametrize("slope", [0.01, 0.2, 1.5, 0.0, -0.2])
def test_leaky_backward(solution, reference, slope):
    check_backward(
        solution,
        reference,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": _with_ties((4, 5), 10)},
        kwargs={"negative_slope": slope},
        other_kwargs={"negative_slope": 0.3 if slope != 0.3 else 0.05},
        seed=11,
        hint=note("leaky_backward", "zero", "sign_of_x"),
    )


@pytest.mark.parametrize("slope", [0.0, -0.2])
def test_leaky_gradient_at_zero_nonpositive_slope(solution, reference, slope):
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
        hint=note("zero"),
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
        described = note(
            "forward_pass_of",
            function=backward,
            k=k + 1,
            n=len(calls),
            kwargs=kwargs or note("x_only"),
        )
        if k != len(calls) - 1 and not np.allclose(got, expected) and np.allclose(got, stale):
            raise GradingFailure(
                note("stale_cache", function=backward, n=len(calls), k=k + 1),
                kind="cache",
                function=backward,
                hint=note("backward_pairs"),
            )
        assert_close(
            got,
            expected,
            what=note("cache_again", described=described) if position == len(calls) else described,
            function=backward,
            inputs={"x": x, **kwargs},
            hint=note("backward") if forward == "relu_forward" else note("leaky_backward"),
        )


def test_relu_caches_are_independent(solution, reference):
    x = _with_ties((4, 6), 16)
    _backward_pairs(solution, reference, "relu_forward", "relu_backward", [(x, {}), (-x, {})])


@pytest.mark.parametrize("second_slope", [0.0, -0.2, 0.3])
def test_leaky_caches_are_independent(solution, reference, second_slope):
    x = _with_ties((4, 6), 17)
    calls = [(x, {"negative_slope": 0.1}), (-x, {"negative_slope": second_slope})]
    _backward_pairs(solution, reference, "leaky_relu_forward", "leaky_relu_backward", calls)


def test_leaky_backward_default_slope(solution, reference):
    check_backward(
        solution,
        reference,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": _with_ties((2, 6), 12)},
        seed=12,
        hint=note("leaky_backward"),
    )


def test_leaky_gradient_at_zero(solution, reference):
    check_backward(
        solution,
        reference,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": np.zeros((2, 3))},
        kwargs={"negative_slope": 0.1},
        seed=13,
        hint=note("zero"),
    )


@pytest.mark.parametrize("slope", [0.01, 0.3])
def test_leaky_backward_matches_own_forward(solution, slope):
    check_gradient_numerically(
        solution,
        "leaky_relu_forward",
        "leaky_relu_backward",
        {"x": _away_from_zero((3, 5), 14)},
        kwargs={"negative_slope": slope},
        seed=14,
        hint=note("leaky_backward"),
    )
