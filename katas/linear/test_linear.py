"""Hidden tests for the `linear` kata: out = x @ w.T + b and its gradients."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    check_backward,
    check_call,
    check_gradient_numerically,
    expect_value_error,
)

# (N, in_features, out_features): non-square both ways, a batch of one, a square weight, and
# in_features = 1, out_features = 1 and both (no gradient may lose a size-1 axis)
SHAPES = [(4, 3, 5), (3, 6, 2), (1, 3, 2), (5, 4, 4), (3, 1, 4), (4, 3, 1), (2, 1, 1)]

BACKWARD_HINT = (
    "Each gradient has the shape of its input, even when a size is 1 (do not squeeze): "
    "dx = dout @ w is (N, in), dw = dout.T @ x is (out, in) like w, and db = dout.sum(axis=0) "
    "is (out,): the bias reaches every row, so its gradient is summed (not averaged) over the "
    "batch. Keep what the backward needs in the cache, not in a global."
)


def _inputs(n: int, d_in: int, d_out: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "x": rng.standard_normal((n, d_in)),
        "w": rng.standard_normal((d_out, d_in)),
        "b": rng.standard_normal(d_out),
    }


@pytest.mark.parametrize(("n", "d_in", "d_out"), SHAPES)
def test_forward(solution, reference, n, d_in, d_out):
    """Forward pass: out = x @ w.T + b; non-square and square weights, sizes of 1 kept as axes."""
    inputs = _inputs(n, d_in, d_out, seed=n * 100 + d_in * 10 + d_out)
    check_call(
        solution,
        reference,
        "linear_forward",
        *inputs.values(),
        outputs=("out",),
        hint="w is laid out (out_features, in_features) as in PyTorch, so out = x @ w.T + b; "
        "x @ w only works by accident when w is square, and then gives the wrong numbers.",
    )


def test_forward_integer_valued(solution, reference):
    """Forward pass on small integer-valued inputs, where every product is exact."""
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
        hint="out[i, o] = sum_k x[i, k] * w[o, k] + b[o].",
    )


@pytest.mark.parametrize(("n", "d_in", "d_out"), SHAPES)
def test_backward(solution, reference, n, d_in, d_out):
    """Backward pass: dx, dw, db with the shapes of x, w, b (sizes of 1 kept), own cache each."""
    inputs = _inputs(n, d_in, d_out, seed=7 + n * 100 + d_in * 10 + d_out)
    check_backward(
        solution,
        reference,
        "linear_forward",
        "linear_backward",
        inputs,
        seed=n + d_in + d_out,
        hint=BACKWARD_HINT,
    )


@pytest.mark.parametrize(("n", "d_in", "d_out"), [(3, 4, 2), (4, 3, 3)])
def test_backward_matches_own_forward(solution, n, d_in, d_out):
    """Backward pass against central differences of your own forward pass."""
    inputs = _inputs(n, d_in, d_out, seed=31 + n)
    check_gradient_numerically(
        solution, "linear_forward", "linear_backward", inputs, seed=3, hint=BACKWARD_HINT
    )


def test_error_in_features(solution):
    """ValueError when x's number of features differs from w's in_features (a 1 included)."""
    for x_shape, w_shape in [((3, 5), (2, 4)), ((3, 1), (2, 4)), ((3, 4), (2, 1))]:
        expect_value_error(
            solution,
            "linear_forward",
            np.ones(x_shape),
            np.ones(w_shape),
            np.ones(w_shape[0]),
            because=f"x {x_shape} has {x_shape[1]} features but w {w_shape} has "
            f"{w_shape[1]} in_features; a broadcasting product or einsum would silently "
            "stretch the size-1 axis",
        )


def test_error_not_2d(solution):
    """ValueError for an x or a w with one dimension too few, which x @ w.T + b would accept."""
    expect_value_error(
        solution,
        "linear_forward",
        np.ones(4),
        np.ones((2, 4)),
        np.ones(2),
        because="x must be 2-D (N, in_features): one sample is (1, 4), not (4,)",
    )
    expect_value_error(
        solution,
        "linear_forward",
        np.ones((3, 4)),
        np.ones(4),
        np.ones(1),
        because="w must be 2-D (out_features, in_features): one output unit is (1, 4), not (4,)",
    )


def test_error_bias_shape(solution):
    """ValueError unless b is exactly (out_features,): (1,), (out, 1), (1, out) broadcast."""
    for b_shape in [(1,), (2, 1), (1, 2), (3,)]:
        expect_value_error(
            solution,
            "linear_forward",
            np.ones((2, 4)),
            np.ones((2, 4)),
            np.ones(b_shape),
            because=f"b must have shape (out_features,) = (2,), got {b_shape}; NumPy would "
            "broadcast all but the last of these without a complaint",
        )


def test_error_dout_shape(solution):
    """ValueError in the backward pass for a dout that is not (N, out_features)."""
    _, cache = solution.linear_forward(np.ones((2, 3)), np.ones((2, 3)), np.ones(2))
    expect_value_error(
        solution,
        "linear_backward",
        np.ones(2),
        cache,
        because="dout must have the output's shape (2, 2), got (2,); dout @ w would accept it",
    )
    expect_value_error(
        solution,
        "linear_backward",
        np.ones((2, 1)),
        cache,
        because="dout must have the output's shape (2, 2), got (2, 1); einsum would broadcast it",
    )
