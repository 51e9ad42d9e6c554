"""Hidden tests for the `residual_block` kata."""

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

FWD, BWD = "residual_block_forward", "residual_block_backward"


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
    inputs = _float_inputs(seed, shape)
    check_call(solution, reference, FWD, *inputs.values(), outputs=("out",), hint=note("forward"))


def test_forward_integer_valued_inputs(solution, reference):
    for seed in (20, 21):
        inputs = _integer_inputs(seed, (2, 2, 4, 5))
        check_call(
            solution, reference, FWD, *inputs.values(), outputs=("out",), hint=note("forward")
        )


@pytest.mark.parametrize(("seed", "shape"), list(enumerate(SHAPES, start=30)))
def test_backward_against_reference(solution, reference, seed, shape):
    check_backward(
        solution, reference, FWD, BWD, _float_inputs(seed, shape), seed=seed, hint=note("backward")
    )


def test_backward_at_relu_ties(solution, reference):
    for seed in (40, 41, 42):
        check_backward(
            solution,
            reference,
            FWD,
            BWD,
            _integer_inputs(seed, (2, 2, 4, 5)),
            seed=seed,
            hint=note("ties"),
        )


@pytest.mark.parametrize(("seed", "shape"), [(50, (2, 2, 4, 5)), (51, (1, 3, 5, 3))])
def test_backward_matches_own_forward(solution, seed, shape):
    check_gradient_numerically(
        solution, FWD, BWD, _float_inputs(seed, shape), seed=seed, hint=note("backward")
    )


def test_backward_uses_its_own_cache(solution, reference):
    check_backward(
        solution,
        reference,
        FWD,
        BWD,
        _integer_inputs(43, (2, 3, 4, 3)),
        seed=43,
        hint=note("backward_uses_its_own_cache"),
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
    expect_value_error(
        solution,
        FWD,
        *_block_args(x_shape=(3, 4, 4)),
        because=note("no_batch_axis", shape=(3, 4, 4)),
    )


def test_channel_mismatch_is_a_value_error(solution):
    expect_value_error(
        solution,
        FWD,
        *_block_args(w1=(3, 1, 3, 3)),
        because=note("channels_would_broadcast"),
    )
    expect_value_error(
        solution,
        FWD,
        *_block_args(w1=(3, 2, 3, 3)),
        because=note("channels_mismatch"),
    )


def test_wrong_filter_shapes_are_value_errors(solution):
    expect_value_error(
        solution,
        FWD,
        *_block_args(w1=(3, 3, 1, 1)),
        because=note("w1_one_by_one"),
    )
    expect_value_error(
        solution,
        FWD,
        *_block_args(w2=(1, 3, 3, 3)),
        because=note("w2_one_channel"),
    )
    expect_value_error(
        solution,
        FWD,
        *_block_args(w1=(3, 3, 5, 5)),
        because=note("w1_five_by_five"),
    )
    expect_value_error(
        solution,
        FWD,
        *_block_args(w2=(4, 3, 3, 3), b2=4),
        because=note("w2_four_channels"),
    )


def test_wrong_bias_shapes_are_value_errors(solution):
    expect_value_error(solution, FWD, *_block_args(b1=1), because=note("bias_size", name="b1"))
    expect_value_error(solution, FWD, *_block_args(b2=1), because=note("bias_size", name="b2"))


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    _, cache = solution.residual_block_forward(*_float_inputs(60, (2, 3, 4, 4)).values())
    expect_value_error(
        solution,
        BWD,
        np.ones((2, 1, 4, 4)),
        cache,
        because=note("dout_shape", out=(2, 3, 4, 4), dout=(2, 1, 4, 4)),
    )
