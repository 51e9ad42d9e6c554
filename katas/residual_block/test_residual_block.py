"""Hidden tests for the `residual_block` kata."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    check_backward,
    check_call,
    check_gradient_numerically,
    expect_value_error,
)

FWD, BWD = "residual_block_forward", "residual_block_backward"
HINT_FORWARD = (
    "out = relu(conv2(relu(conv1(x))) + x): a ReLU between the convolutions, the skip added "
    "BEFORE the final ReLU, and both 3x3 convolutions with stride 1 and padding 1 on every side "
    "(PyTorch's cross-correlation, no kernel flip)."
)
HINT_BACKWARD = (
    "Go back through the chain: ds = dout * (s > 0) with s = z2 + x; (dh, dw2, db2) from conv2 "
    "with input h = relu(z1); dz1 = dh * (z1 > 0); (dx_conv, dw1, db1) from conv1; and "
    "dx = dx_conv + ds, because x also reaches the output through the skip."
)
HINT_TIES = (
    "At an input of exactly 0 a ReLU passes no gradient (PyTorch's choice): mask with a strict "
    "> 0, and with the value that entered that ReLU (s = z2 + x for the last one, z1 for the "
    "inner one)."
)


def _float_inputs(seed: int, shape: tuple[int, int, int, int]) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    c = shape[1]
    return {
        "x": rng.standard_normal(shape),
        "w1": rng.standard_normal((c, c, 3, 3)) * 0.5,
        "b1": rng.standard_normal(c) * 0.5,
        "w2": rng.standard_normal((c, c, 3, 3)) * 0.5,
        "b2": rng.standard_normal(c) * 0.5,
    }


def _integer_inputs(seed: int, shape: tuple[int, int, int, int]) -> dict[str, np.ndarray]:
    """Small integers and sparse {-1, 0, 1} weights: both ReLUs see many exact zeros."""
    rng = np.random.default_rng(seed)
    c = shape[1]
    sparse = np.array([-1.0, 0.0, 0.0, 1.0])
    return {
        "x": rng.integers(-2, 3, shape).astype(float),
        "w1": rng.choice(sparse, (c, c, 3, 3)),
        "b1": rng.choice(sparse, c),
        "w2": rng.choice(sparse, (c, c, 3, 3)),
        "b2": rng.choice(sparse, c),
    }


SHAPES = [(2, 3, 5, 4), (1, 2, 6, 7), (3, 1, 4, 4), (1, 4, 3, 5), (2, 2, 2, 3)]


@pytest.mark.parametrize(("seed", "shape"), list(enumerate(SHAPES, start=1)))
def test_forward(solution, reference, seed, shape):
    """Forward pass against the reference, non-square maps, batch of one, one channel."""
    inputs = _float_inputs(seed, shape)
    check_call(solution, reference, FWD, *inputs.values(), outputs=("out",), hint=HINT_FORWARD)


def test_forward_integer_valued_inputs(solution, reference):
    """Forward pass on small integers, where every value is exact and many are 0."""
    for seed in (20, 21):
        inputs = _integer_inputs(seed, (2, 2, 4, 5))
        check_call(solution, reference, FWD, *inputs.values(), outputs=("out",), hint=HINT_FORWARD)


@pytest.mark.parametrize(("seed", "shape"), list(enumerate(SHAPES, start=30)))
def test_backward_against_reference(solution, reference, seed, shape):
    """Backward pass (dx, dw1, db1, dw2, db2) against the reference."""
    check_backward(
        solution, reference, FWD, BWD, _float_inputs(seed, shape), seed=seed, hint=HINT_BACKWARD
    )


def test_backward_at_relu_ties(solution, reference):
    """Backward pass with integer inputs, where both ReLUs receive exact zeros."""
    for seed in (40, 41, 42):
        check_backward(
            solution,
            reference,
            FWD,
            BWD,
            _integer_inputs(seed, (2, 2, 4, 5)),
            seed=seed,
            hint=HINT_TIES,
        )


@pytest.mark.parametrize(("seed", "shape"), [(50, (2, 2, 4, 5)), (51, (1, 3, 5, 3))])
def test_backward_matches_own_forward(solution, seed, shape):
    """Backward pass against central differences of your own forward pass."""
    check_gradient_numerically(
        solution, FWD, BWD, _float_inputs(seed, shape), seed=seed, hint=HINT_BACKWARD
    )


def test_backward_uses_its_own_cache(solution, reference):
    """Two forward passes, then their backward passes in reverse order, on ReLU ties."""
    check_backward(
        solution,
        reference,
        FWD,
        BWD,
        _integer_inputs(43, (2, 3, 4, 3)),
        seed=43,
        hint="Everything residual_block_backward needs (x, the weights, z1, h, s) must travel in "
        "the cache of the forward pass it belongs to, not in a global.",
    )


def _block_args(c=3, x_shape=None, w1=None, b1=None, w2=None, b2=None):
    """Valid arguments for C channels, with some replaced by the caller."""
    return (
        np.ones(x_shape or (2, c, 4, 4)),
        np.ones((c, c, 3, 3)) if w1 is None else np.ones(w1),
        np.zeros(c) if b1 is None else np.zeros(b1),
        np.ones((c, c, 3, 3)) if w2 is None else np.ones(w2),
        np.zeros(c) if b2 is None else np.zeros(b2),
    )


def test_input_not_4d_is_a_value_error(solution):
    """ValueError when x is not 4-D (N, C, H, W), e.g. a single (C, H, W) image."""
    expect_value_error(
        solution,
        FWD,
        *_block_args(x_shape=(3, 4, 4)),
        because="x of shape (3, 4, 4) has no batch axis: x must be (N, C, H, W)",
    )


def test_channel_mismatch_is_a_value_error(solution):
    """ValueError when the filters' channels do not match x's, even where they broadcast."""
    expect_value_error(
        solution,
        FWD,
        *_block_args(w1=(3, 1, 3, 3)),
        because="x has 3 channels but w1 expects 1 (NumPy would broadcast it)",
    )
    expect_value_error(
        solution,
        FWD,
        *_block_args(w1=(3, 2, 3, 3)),
        because="x has 3 channels but w1 expects 2",
    )


def test_wrong_filter_shapes_are_value_errors(solution):
    """ValueError for filters that are not (C, C, 3, 3): a 1x1 kernel, or C_out that broadcasts."""
    expect_value_error(
        solution,
        FWD,
        *_block_args(w1=(3, 3, 1, 1)),
        because="w1 is 1x1, but the block's convolutions are 3x3 (NumPy would broadcast it)",
    )
    expect_value_error(
        solution,
        FWD,
        *_block_args(w2=(1, 3, 3, 3)),
        because="w2 has 1 output channel: NumPy would broadcast it against x's 3 channels",
    )
    expect_value_error(
        solution,
        FWD,
        *_block_args(w1=(3, 3, 5, 5)),
        because="w1 is 5x5, but the block's convolutions are 3x3",
    )
    expect_value_error(
        solution,
        FWD,
        *_block_args(w2=(4, 3, 3, 3), b2=4),
        because="w2 has 4 output channels, so conv2's output cannot be added to the 3-channel x",
    )


def test_wrong_bias_shapes_are_value_errors(solution):
    """ValueError for a bias that is not (C,), even a (1,) bias that would broadcast."""
    expect_value_error(solution, FWD, *_block_args(b1=1), because="b1 has 1 value for 3 channels")
    expect_value_error(solution, FWD, *_block_args(b2=1), because="b2 has 1 value for 3 channels")


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    """ValueError when dout does not have the output's shape, even where it broadcasts."""
    _, cache = solution.residual_block_forward(*_float_inputs(60, (2, 3, 4, 4)).values())
    expect_value_error(
        solution,
        BWD,
        np.ones((2, 1, 4, 4)),
        cache,
        because="the output has shape (2, 3, 4, 4), so dout (2, 1, 4, 4) is the wrong shape",
    )
