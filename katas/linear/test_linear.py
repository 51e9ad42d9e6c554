"""Hidden tests for the `linear` kata: out = x @ w.T + b and its gradients."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    assert_close,
    check_backward,
    check_call,
    check_gradient_numerically,
    expect_value_error,
)

# (N, in_features, out_features): non-square both ways, a batch of one, a square weight
SHAPES = [(4, 3, 5), (3, 6, 2), (1, 3, 2), (5, 4, 4)]

BACKWARD_HINT = (
    "Each gradient has the shape of its input: dx = dout @ w is (N, in), dw = dout.T @ x is "
    "(out, in) like w, and db = dout.sum(axis=0) is (out,): the bias reaches every row, so its "
    "gradient is summed (not averaged) over the batch."
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
    """Forward pass: out = x @ w.T + b for non-square weights, batch size 1 and a square weight."""
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
    """Backward pass: dx, dw, db against the reference for a random upstream gradient."""
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


def test_caches_are_independent(solution, reference):
    """Two forward passes, then the first one's backward: each cache must hold its own data."""
    first = _inputs(3, 4, 2, seed=11)
    second = _inputs(3, 4, 2, seed=12)
    _, cache_1 = solution.linear_forward(*first.values())
    solution.linear_forward(*second.values())
    dout = np.random.default_rng(13).standard_normal((3, 2))
    got = solution.linear_backward(dout, cache_1)
    _, ref_cache = reference.linear_forward(*first.values())
    expected = reference.linear_backward(dout, ref_cache)
    for name, g, e in zip(("dx", "dw", "db"), got, expected, strict=False):
        assert_close(
            g,
            e,
            what=f"`linear_backward`: gradient {name} from the first cache",
            function="linear_backward",
            hint="Keep what the backward pass needs in the cache you return, not in "
            "global or module-level variables that the next forward call overwrites.",
        )


def test_error_in_features(solution):
    """ValueError when x's number of features differs from w's in_features."""
    expect_value_error(
        solution,
        "linear_forward",
        np.ones((3, 5)),
        np.ones((2, 4)),
        np.ones(2),
        because="x has 5 features but w is (2, 4), i.e. 4 in_features",
    )


def test_error_bias_length_one(solution):
    """ValueError for a bias of length 1 when there are several outputs (no silent broadcast)."""
    expect_value_error(
        solution,
        "linear_forward",
        np.ones((3, 4)),
        np.ones((2, 4)),
        np.ones(1),
        because="b must have shape (out_features,) = (2,); NumPy would quietly "
        "broadcast a bias of length 1",
    )


def test_error_bias_too_long(solution):
    """ValueError for a bias longer than out_features."""
    expect_value_error(
        solution,
        "linear_forward",
        np.ones((3, 4)),
        np.ones((2, 4)),
        np.ones(3),
        because="b must have shape (out_features,) = (2,), got (3,)",
    )
