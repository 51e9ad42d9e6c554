"""Hidden tests for the `depthwise_separable_conv2d` kata."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, expect_value_error

FN = "depthwise_separable_conv2d"
HINT_DEPTHWISE = (
    "In the depthwise step output channel c reads input channel c only, with its own kernel "
    "w_depthwise[c, 0]: nothing is summed over channels there. Channels mix only in the 1x1 step."
)
HINT_POINTWISE = (
    "The 1x1 step computes out[n, o] = b_pointwise[o] + sum over c of w_pointwise[o, c, 0, 0] * "
    "depth[n, c]: index the weights as [o, c]. A reshape to (C, C_out) is not a transpose."
)
HINT_STEPS = (
    "Stride and padding belong to the depthwise step only; the 1x1 step has stride 1 and no "
    "padding. There is no activation between the steps, and both biases are added."
)


def _args(seed: int, n: int, c: int, h: int, w: int, c_out: int, kh: int, kw: int):
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((n, c, h, w)),
        rng.standard_normal((c, 1, kh, kw)),
        rng.standard_normal(c),
        rng.standard_normal((c_out, c, 1, 1)),
        rng.standard_normal(c_out),
    )


def _check(solution, reference, seed, case, hint):
    n, c, h, w, c_out, kh, kw, stride, padding = case
    check_call(
        solution,
        reference,
        FN,
        *_args(seed, n, c, h, w, c_out, kh, kw),
        stride=stride,
        padding=padding,
        hint=hint,
    )


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (1, (2, 3, 7, 6, 4, 3, 3, 1, 0)),
        (2, (2, 4, 5, 8, 2, 2, 3, 1, 0)),
        (3, (3, 2, 6, 5, 3, 3, 3, 1, 0)),
    ],
)
def test_depthwise_then_pointwise(solution, reference, seed, case):
    """Stride 1, no padding: per-channel filtering then channel mixing, C_out != C."""
    _check(solution, reference, seed, case, HINT_DEPTHWISE + " " + HINT_POINTWISE)


def test_square_pointwise(solution, reference):
    """C_out == C, where a transposed pointwise matrix has the right shape but the wrong values."""
    _check(solution, reference, 4, (2, 3, 5, 6, 3, 3, 3, 1, 1), HINT_POINTWISE)


def test_batch_of_one_and_single_channel(solution, reference):
    """A batch of one, one input channel, one output channel, and a 1x1 depthwise kernel."""
    _check(solution, reference, 5, (1, 1, 5, 4, 3, 3, 2, 1, 0), HINT_STEPS)
    _check(solution, reference, 6, (1, 3, 4, 5, 1, 1, 1, 1, 0), HINT_STEPS)


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (10, (2, 3, 5, 6, 4, 3, 3, 1, 1)),
        (11, (1, 2, 4, 7, 3, 3, 3, 1, (0, 2))),
        (12, (2, 2, 6, 5, 2, 3, 2, 1, (2, 1))),
    ],
)
def test_padding_belongs_to_the_depthwise_step(solution, reference, seed, case):
    """Zero padding (int and pairs) applied on both sides, in the depthwise step only."""
    _check(solution, reference, seed, case, HINT_STEPS)


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (20, (2, 3, 7, 7, 2, 3, 3, 2, 0)),
        (21, (1, 2, 8, 5, 3, 3, 2, 2, 1)),
        (22, (2, 4, 6, 9, 2, 3, 3, (1, 2), (0, 1))),
        (23, (3, 2, 9, 7, 1, 2, 3, (2, 1), (1, 0))),
    ],
)
def test_stride_belongs_to_the_depthwise_step(solution, reference, seed, case):
    """Strides (int and (stride_h, stride_w) pairs) applied once, in the depthwise step."""
    _check(solution, reference, seed, case, HINT_STEPS)


def test_kernel_as_large_as_padded_input(solution, reference):
    """A depthwise kernel as large as the padded input, or larger than the unpadded input."""
    _check(solution, reference, 30, (2, 2, 3, 4, 3, 5, 4, 1, (1, 0)), HINT_STEPS)
    _check(solution, reference, 31, (1, 2, 2, 3, 2, 3, 3, 1, 1), HINT_STEPS)


def test_integer_valued_inputs(solution, reference):
    """Small integers, where every product and sum is exact."""
    rng = np.random.default_rng(40)
    args = (
        rng.integers(-3, 4, (2, 3, 5, 6)).astype(float),
        rng.integers(-2, 3, (3, 1, 3, 3)).astype(float),
        rng.integers(-2, 3, 3).astype(float),
        rng.integers(-2, 3, (2, 3, 1, 1)).astype(float),
        rng.integers(-2, 3, 2).astype(float),
    )
    check_call(solution, reference, FN, *args, stride=(2, 1), padding=1, hint=HINT_STEPS)


def test_depthwise_channel_mismatch_is_a_value_error(solution):
    """ValueError unless w_depthwise has one (1, KH, KW) filter per channel of x."""
    x = np.ones((1, 3, 5, 5))
    pw, bp = np.ones((4, 3, 1, 1)), np.zeros(4)
    expect_value_error(
        solution,
        FN,
        x,
        np.ones((2, 1, 3, 3)),
        np.zeros(2),
        pw,
        bp,
        because="x has 3 channels but w_depthwise has 2 filters",
    )
    expect_value_error(
        solution,
        FN,
        x,
        np.ones((1, 1, 3, 3)),
        np.zeros(1),
        pw,
        bp,
        because="x has 3 channels but w_depthwise has 1 filter (broadcasting would hide this)",
    )


def test_pointwise_channel_mismatch_is_a_value_error(solution):
    """ValueError unless w_pointwise is (C_out, C, 1, 1) for the C depthwise channels."""
    expect_value_error(
        solution,
        FN,
        np.ones((1, 3, 5, 5)),
        np.ones((3, 1, 3, 3)),
        np.zeros(3),
        np.ones((4, 2, 1, 1)),
        np.zeros(4),
        because="w_pointwise expects 2 input channels but the depthwise step has 3",
    )


def test_kernel_larger_than_padded_input_is_a_value_error(solution):
    """ValueError when the depthwise kernel is larger than the padded input."""
    pw, bp = np.ones((1, 2, 1, 1)), np.zeros(1)
    expect_value_error(
        solution,
        FN,
        np.ones((1, 2, 3, 5)),
        np.ones((2, 1, 4, 3)),
        np.zeros(2),
        pw,
        bp,
        because="a 4-row kernel does not fit a 3-row input without padding",
    )
    expect_value_error(
        solution,
        FN,
        np.ones((1, 2, 4, 3)),
        np.ones((2, 1, 3, 6)),
        np.zeros(2),
        pw,
        bp,
        padding=1,
        because="a 6-column kernel does not fit 3 columns padded by 1 on each side",
    )
