"""Hidden tests for the `avg_pool2d` kata."""

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
from dlkata.judge.windows import (
    FITS_PADDED,
    INVALID_POOLING,
    OTHER_WINDOWS_SAME_OUTPUT,
    ROUNDS_DOWN,
    STRIDE_OVER_KERNEL,
    invalid_cases,
    window_cases,
)
from dlkata.judge.windows import normal_input as sample

FWD = "avg_pool2d_forward"
BWD = "avg_pool2d_backward"


def _hints(values: str) -> dict[str, str]:
    """A wrong output shape gets the output-size note; wrong values get `values`."""
    return {"shape": note("output_size"), "mismatch": values}


def _forward(solution, reference, x, hint, **kwargs):
    check_call(solution, reference, FWD, x, outputs=("out",), hint=hint, **kwargs)


def _backward(solution, reference, x, seed, hint, other=None, **kwargs):
    check_backward(
        solution, reference, FWD, BWD, {"x": x}, kwargs=kwargs, other_kwargs=other, seed=seed,
        hint=hint,
    )  # fmt: skip


# ---------------------------------------------------------------- forward


def test_forward_default_stride_is_the_kernel_size(solution, reference):
    _forward(solution, reference, sample(1, (2, 3, 8, 6)), note("stride_default"), kernel_size=2)
    _forward(
        solution, reference, sample(2, (1, 2, 6, 9)), note("stride_default"), kernel_size=(2, 3)
    )


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*ROUNDS_DOWN))
def test_forward_output_size_rounds_down(solution, reference, seed, shape, kwargs):
    _forward(solution, reference, sample(seed, shape), note("size"), **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (20, (2, 3, 6, 8), {"kernel_size": 2, "stride": 1}),
        (21, (1, 2, 9, 6), {"kernel_size": (3, 2), "stride": (2, 1)}),
        (22, (1, 1, 5, 11), {"kernel_size": (2, 4), "stride": (1, 3)}),
        (23, (3, 1, 4, 4), {"kernel_size": 4, "stride": 1}),
        *STRIDE_OVER_KERNEL,
    ),
)
def test_forward_strides_and_non_square_windows(solution, reference, seed, shape, kwargs):
    _forward(solution, reference, sample(seed, shape), _hints(note("forward")), **kwargs)


@pytest.mark.parametrize("value", [1.0, -3.0])
def test_forward_padding_counts_in_the_average(solution, reference, value):
    _forward(
        solution, reference, np.full((1, 2, 4, 5), value), _hints(note("include_pad")),
        kernel_size=3, stride=1, padding=1,
    )  # fmt: skip
    _forward(
        solution, reference, np.full((2, 1, 5, 3), value), _hints(note("include_pad")),
        kernel_size=(2, 3), stride=(2, 1), padding=(1, 1),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (30, (2, 2, 5, 5), {"kernel_size": 3, "stride": 1, "padding": 1}),
        (31, (1, 3, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (32, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
        (33, (2, 1, 4, 4), {"kernel_size": 4, "padding": 2}),
    ),
)
def test_forward_with_padding(solution, reference, seed, shape, kwargs):
    _forward(solution, reference, sample(seed, shape), _hints(note("include_pad")), **kwargs)


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*FITS_PADDED))
def test_forward_kernel_fits_only_the_padded_input(solution, reference, seed, shape, kwargs):
    _forward(solution, reference, sample(seed, shape), _hints(note("fits_padded")), **kwargs)


# ---------------------------------------------------------------- backward


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (40, (2, 3, 6, 8), {"kernel_size": 2}),
        (41, (1, 2, 9, 7), {"kernel_size": 3}),
        (42, (2, 1, 8, 9), {"kernel_size": (2, 3), "stride": (2, 3)}),
    ),
)
def test_backward_non_overlapping(solution, reference, seed, shape, kwargs):
    _backward(solution, reference, sample(seed, shape), seed, note("backward"), **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (50, (2, 2, 6, 7), {"kernel_size": 3, "stride": 1}),
        (51, (1, 2, 7, 7), {"kernel_size": 3, "stride": 2}),
        (52, (2, 1, 5, 8), {"kernel_size": (2, 3), "stride": (1, 2)}),
    ),
)
def test_backward_overlapping_windows_add_up(solution, reference, seed, shape, kwargs):
    _backward(solution, reference, sample(seed, shape), seed, note("overlap"), **kwargs)


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*STRIDE_OVER_KERNEL))
def test_backward_stride_larger_than_the_kernel(solution, reference, seed, shape, kwargs):
    _backward(solution, reference, sample(seed, shape), seed, note("stride_over_kernel"), **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (60, (2, 2, 5, 5), {"kernel_size": 3, "stride": 1, "padding": 1}),
        (61, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
        (62, (2, 1, 4, 4), {"kernel_size": 4, "padding": 2}),
        *FITS_PADDED,
    ),
)
def test_backward_with_padding(solution, reference, seed, shape, kwargs):
    _backward(solution, reference, sample(seed, shape), seed, note("include_pad"), **kwargs)


@pytest.mark.parametrize(("shape", "kwargs", "other"), OTHER_WINDOWS_SAME_OUTPUT)
def test_backward_uses_its_own_cache(solution, reference, shape, kwargs, other):
    _backward(solution, reference, sample(96, shape), 96, note("cache"), other=other, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (70, (2, 2, 6, 6), {"kernel_size": 2}),
        (71, (1, 2, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (72, (2, 1, 5, 7), {"kernel_size": (2, 3), "stride": 1, "padding": (1, 0)}),
    ),
)
def test_backward_matches_own_forward(solution, seed, shape, kwargs):
    check_gradient_numerically(
        solution, FWD, BWD, {"x": sample(seed, shape)},
        kwargs=kwargs, samples=16, seed=seed, hint=note("backward"),
    )  # fmt: skip


# ---------------------------------------------------------------- error rules


@pytest.mark.parametrize(
    ("shape", "kwargs", "because"),
    invalid_cases(INVALID_POOLING),
)
def test_invalid_arguments_are_a_value_error(solution, shape, kwargs, because):
    expect_value_error(solution, FWD, np.ones(shape), because=because, **kwargs)


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    x = sample(95, (2, 3, 4, 6))
    cache = solution.call(FWD, x, kernel_size=2)[-1]
    expect_value_error(
        solution, BWD, np.ones((1, 3, 2, 3)), cache,
        because=note("dout_shape", dout=(1, 3, 2, 3), out=(2, 3, 2, 3)),
    )  # fmt: skip
    expect_value_error(
        solution, BWD, np.ones((2, 3, 2, 1)), cache,
        because=note("dout_shape", dout=(2, 3, 2, 1), out=(2, 3, 2, 3)),
    )  # fmt: skip
