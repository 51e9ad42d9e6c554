"""Hidden tests for the `depthwise_separable_conv2d` kata."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, expect_value_error, note

FN = "depthwise_separable_conv2d"


def _args(seed: int, n: int, c: int, h: int, w: int, c_out: int, kh: int, kw: int):
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((n, c, h, w)),
        rng.standard_normal((c, 1, kh, kw)),
        rng.standard_normal(c),
        rng.standard_normal((c_out, c, 1, 1)),
        rng.standard_normal(c_out),
    )


def _hints(values: str) -> dict[str, str]:
    """A wrong output shape gets the output-size note; wrong values get `values`."""
    return {"shape": note("output_size"), "mismatch": values}


def _check(solution, reference, seed, case, hint):
    n, c, h, w, c_out, kh, kw, stride, padding = case
    check_call(
        solution,
        reference,
        FN,
        *_args(seed, n, c, h, w, c_out, kh, kw),
        stride=stride,
        padding=padding,
        hint=_hints(hint),
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
    _check(solution, reference, seed, case, note("depthwise", "pointwise"))


def test_square_pointwise(solution, reference):
    _check(solution, reference, 4, (2, 3, 5, 6, 3, 3, 3, 1, 1), note("pointwise"))


def test_batch_of_one_and_single_channel(solution, reference):
    _check(solution, reference, 5, (1, 1, 5, 4, 3, 3, 2, 1, 0), note("steps"))
    _check(solution, reference, 6, (1, 3, 4, 5, 1, 1, 1, 1, 0), note("steps"))


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (10, (2, 3, 5, 6, 4, 3, 3, 1, 1)),
        (11, (1, 2, 4, 7, 3, 3, 3, 1, (0, 2))),
        (12, (2, 2, 6, 5, 2, 3, 2, 1, (2, 1))),
    ],
)
def test_padding_belongs_to_the_depthwise_step(solution, reference, seed, case):
    _check(solution, reference, seed, case, note("steps"))


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
    _check(solution, reference, seed, case, note("steps"))


def test_kernel_as_large_as_padded_input(solution, reference):
    _check(solution, reference, 30, (2, 2, 3, 4, 3, 5, 4, 1, (1, 0)), note("steps"))
    _check(solution, reference, 31, (1, 2, 2, 3, 2, 3, 3, 1, 1), note("steps"))


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
    _check(solution, reference, seed, case, note("steps"))


def test_integer_valued_inputs(solution, reference):
    rng = np.random.default_rng(40)
    args = (
        rng.integers(-3, 4, (2, 3, 5, 6)).astype(float),
        rng.integers(-2, 3, (3, 1, 3, 3)).astype(float),
        rng.integers(-2, 3, 3).astype(float),
        rng.integers(-2, 3, (2, 3, 1, 1)).astype(float),
        rng.integers(-2, 3, 2).astype(float),
    )
    check_call(solution, reference, FN, *args, stride=(2, 1), padding=1, hint=_hints(note("steps")))


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
    expect_value_error(
        solution,
        FN,
        *_valid(x=(3, 5, 5)),
        because=note("no_batch_axis", shape=(3, 5, 5)),
    )


def test_depthwise_channel_mismatch_is_a_value_error(solution):
    expect_value_error(
        solution,
        FN,
        *_valid(wd=(1, 1, 3, 3)),
        because=note("depthwise_one_filter"),
    )
    expect_value_error(
        solution,
        FN,
        *_valid(wd=(3, 3, 3, 3)),
        because=note("depthwise_full_kernel"),
    )
    expect_value_error(
        solution,
        FN,
        *_valid(wd=(2, 1, 3, 3), bd=2),
        because=note("depthwise_two_filters"),
    )


def test_pointwise_channel_mismatch_is_a_value_error(solution):
    expect_value_error(
        solution,
        FN,
        *_valid(wp=(4, 1, 1, 1)),
        because=note("pointwise_one_channel"),
    )
    expect_value_error(
        solution,
        FN,
        *_valid(wp=(4, 3, 3, 3)),
        because=note("pointwise_not_1x1"),
    )
    expect_value_error(
        solution,
        FN,
        *_valid(wp=(4, 2, 1, 1)),
        because=note("pointwise_two_channels"),
    )


def test_bias_shapes_are_value_errors(solution):
    expect_value_error(solution, FN, *_valid(bd=1), because=note("depthwise_bias_size"))
    expect_value_error(solution, FN, *_valid(bp=1), because=note("pointwise_bias_size"))


@pytest.mark.parametrize(
    "cases",
    [
        [
            ({"stride": (1, -1)}, "negative_stride_w"),
            ({"stride": -2}, "negative_stride"),
            ({"padding": (0, -1)}, "negative_padding"),
        ],
        [({"stride": 0}, "zero_stride")],
        [
            ({"stride": 1.5}, "stride_not_int"),
            ({"padding": (1, 1, 1)}, "padding_pair_of_three"),
        ],
    ],
    ids=["<0", "=0", "shape"],
)
def test_bad_stride_or_padding_is_a_value_error(solution, cases):
    for kwargs, because in cases:  # because: the key of a note
        expect_value_error(solution, FN, *_valid(), because=note(because), **kwargs)


def test_kernel_larger_than_padded_input_is_a_value_error(solution):
    expect_value_error(
        solution,
        FN,
        *_valid(c=2, c_out=1, x=(1, 2, 3, 5), wd=(2, 1, 4, 3)),
        because=note("kernel_too_tall"),
    )
    expect_value_error(
        solution,
        FN,
        *_valid(c=2, c_out=1, x=(1, 2, 4, 3), wd=(2, 1, 3, 6)),
        padding=1,
        because=note("kernel_too_wide_padded"),
    )
