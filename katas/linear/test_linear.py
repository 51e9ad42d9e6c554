"""Hidden tests for the `linear` kata: out = x @ w.T + b and its gradients."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    check_backward,
    check_call,
    check_gradient_numerically,
    expect_value_error,
    note,
)

# (N, in_features, out_features): non-square both ways, a batch of one, a square weight, and
# in_features = 1, out_features = 1 and both (no gradient may lose a size-1 axis)
SHAPES = [(4, 3, 5), (3, 6, 2), (1, 3, 2), (5, 4, 4), (3, 1, 4), (4, 3, 1), (2, 1, 1)]


def _inputs(n: int, d_in: int, d_out: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "x": rng.standard_normal((n, d_in)),
        "w": rng.standard_normal((d_out, d_in)),
        "b": rng.standard_normal(d_out),
    }


@pytest.mark.parametrize(("n", "d_in", "d_out"), SHAPES)
def test_forward(solution, reference, n, d_in, d_out):
    inputs = _inputs(n, d_in, d_out, seed=n * 100 + d_in * 10 + d_out)
    check_call(
        solution,
        reference,
        "linear_forward",
        *inputs.values(),
        outputs=("out",),
        hint=note("forward"),
    )


def test_forward_integer_valued(solution, reference):
    x = np.array([[1.0, -2.0, 0.0], [3.0, 1.0, -1.0]])
    w = np.array([[2.0, 0.0, 1.0], [-1.0, 1.0, 4.0], [0.0, -3.0, 2.0], [1.0, 1.0, 1.0]])
    b = np.array([0.5, -1.0, 0.0, 2.0])
    check_call(
        solution,
        reference,
        "linear_forward",
        x,
        w,
        b,
        outputs=("out",),
        hint=note("forward_integer_valued"),
    )


@pytest.mark.parametrize(("n", "d_in", "d_out"), SHAPES)
def test_backward(solution, reference, n, d_in, d_out):
    inputs = _inputs(n, d_in, d_out, seed=7 + n * 100 + d_in * 10 + d_out)
    check_backward(
        solution,
        reference,
        "linear_forward",
        "linear_backward",
        inputs,
        seed=n + d_in + d_out,
        hint=note("backward"),
    )


@pytest.mark.parametrize(("n", "d_in", "d_out"), [(3, 4, 2), (4, 3, 3)])
def test_backward_matches_own_forward(solution, n, d_in, d_out):
    inputs = _inputs(n, d_in, d_out, seed=31 + n)
    check_gradient_numerically(
        solution, "linear_forward", "linear_backward", inputs, seed=3, hint=note("backward")
    )


def test_error_in_features(solution):
    for x_shape, w_shape in [((3, 5), (2, 4)), ((3, 1), (2, 4)), ((3, 4), (2, 1))]:
        expect_value_error(
            solution,
            "linear_forward",
            np.ones(x_shape),
            np.ones(w_shape),
            np.ones(w_shape[0]),
            because=note(
                "in_features",
                x=x_shape,
                x_features=x_shape[1],
                w=w_shape,
                w_features=w_shape[1],
            ),
        )


def test_error_not_2d(solution):
    expect_value_error(
        solution,
        "linear_forward",
        np.ones(4),
        np.ones((2, 4)),
        np.ones(2),
        because=note("x_not_2d"),
    )
    expect_value_error(
        solution,
        "linear_forward",
        np.ones((3, 4)),
        np.ones(4),
        np.ones(1),
        because=note("w_not_2d"),
    )


def test_error_bias_shape(solution):
    for b_shape in [(1,), (2, 1), (1, 2), (3,)]:
        expect_value_error(
            solution,
            "linear_forward",
            np.ones((2, 4)),
            np.ones((2, 4)),
            np.ones(b_shape),
            because=note("bias_shape", got=b_shape),
        )


def test_error_dout_shape(solution):
    _, cache = solution.linear_forward(np.ones((2, 3)), np.ones((2, 3)), np.ones(2))
    expect_value_error(
        solution,
        "linear_backward",
        np.ones(2),
        cache,
        because=note("dout_matmul"),
    )
    expect_value_error(
        solution,
        "linear_backward",
        np.ones((2, 1)),
        cache,
        because=note("dout_einsum"),
    )
