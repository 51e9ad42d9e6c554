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


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (32, (2, 2, 4, 5, 3, 2, 2, 1, 3)),
        (33, (1, 3, 5, 4, 2, 1, 1, 2, (2, 1))),
        (34, (2, 2, 9, 8, 3, 2, 2, 3, 0)),
        (35, (1, 3, 8, 7, 2, 2, 1, (3, 4), (1, 2))),
    ],
)
def test_padding_or_stride_larger_than_kernel(solution, reference, seed, case):
    """Padding wider than the kernel, strides longer than it, and a strided, padded 1x1 kernel."""
    _check(solution, reference, seed, case, HINT_STEPS)


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


def _valid(c=3, c_out=4, x=None, wd=None, bd=None, wp=None, bp=None):
    """Valid arguments for C channels and C_out outputs, some shapes replaced by the caller."""
    return (
        np.ones(x or (2, c, 5, 5)),
        np.ones(wd or (c, 1, 3, 3)),
        np.zeros(bd or c),
        np.ones(wp or (c_out, c, 1, 1)),
        np.zeros(bp or c_out),
    )


def test_input_not_4d_is_a_value_error(solution):
    """ValueError when x is not 4-D (N, C, H, W), e.g. a single (C, H, W) image."""
    expect_value_error(
        solution,
        FN,
        *_valid(x=(3, 5, 5)),
        because="x of shape (3, 5, 5) has no batch axis: x must be (N, C, H, W)",
    )


def test_depthwise_channel_mismatch_is_a_value_error(solution):
    """ValueError unless w_depthwise is (C, 1, KH, KW): one filter per channel of x."""
    expect_value_error(
        solution,
        FN,
        *_valid(wd=(1, 1, 3, 3)),
        because="x has 3 channels but w_depthwise has 1 filter (broadcasting would hide this)",
    )
    expect_value_error(
        solution,
        FN,
        *_valid(wd=(3, 3, 3, 3)),
        because="w_depthwise (3, 3, 3, 3) is a full convolution's kernel, not (C, 1, KH, KW)",
    )
    expect_value_error(
        solution,
        FN,
        *_valid(wd=(2, 1, 3, 3), bd=2),
        because="x has 3 channels but w_depthwise has 2 filters",
    )


def test_pointwise_channel_mismatch_is_a_value_error(solution):
    """ValueError unless w_pointwise is (C_out, C, 1, 1) for the C depthwise channels."""
    expect_value_error(
        solution,
        FN,
        *_valid(wp=(4, 1, 1, 1)),
        because="w_pointwise expects 1 input channel but the depthwise step has 3 (it would "
        "broadcast)",
    )
    expect_value_error(
        solution,
        FN,
        *_valid(wp=(4, 3, 3, 3)),
        because="w_pointwise must be a 1x1 kernel (C_out, C, 1, 1), not 3x3",
    )
    expect_value_error(
        solution,
        FN,
        *_valid(wp=(4, 2, 1, 1)),
        because="w_pointwise expects 2 input channels but the depthwise step has 3",
    )


def test_bias_shapes_are_value_errors(solution):
    """ValueError for a bias without one value per channel of its step, even a (1,) bias."""
    expect_value_error(
        solution, FN, *_valid(bd=1), because="b_depthwise has 1 value for 3 channels"
    )
    expect_value_error(
        solution, FN, *_valid(bp=1), because="b_pointwise has 1 value for 4 output channels"
    )


@pytest.mark.parametrize(
    "cases",
    [
        [
            ({"stride": (1, -1)}, "a negative stride_w would walk the columns backwards"),
            ({"stride": -2}, "a negative stride"),
            ({"padding": (0, -1)}, "a negative padding"),
        ],
        [({"stride": 0}, "a stride of 0 never moves")],
        [
            ({"stride": 1.5}, "a stride must be an int, not 1.5"),
            ({"padding": (1, 1, 1)}, "a padding pair has two values, not three"),
        ],
    ],
    ids=["negative", "zero stride", "not an int or a pair"],
)
def test_bad_stride_or_padding_is_a_value_error(solution, cases):
    """ValueError for a stride below 1, a negative padding, or one that is not an int or a pair."""
    for kwargs, because in cases:
        expect_value_error(solution, FN, *_valid(), because=because, **kwargs)


def test_kernel_larger_than_padded_input_is_a_value_error(solution):
    """ValueError when the depthwise kernel is larger than the padded input."""
    expect_value_error(
        solution,
        FN,
        *_valid(c=2, c_out=1, x=(1, 2, 3, 5), wd=(2, 1, 4, 3)),
        because="a 4-row kernel does not fit a 3-row input without padding",
    )
    expect_value_error(
        solution,
        FN,
        *_valid(c=2, c_out=1, x=(1, 2, 4, 3), wd=(2, 1, 3, 6)),
        padding=1,
        because="a 6-column kernel does not fit 3 columns padded by 1 on each side",
    )
