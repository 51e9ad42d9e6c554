"""Hidden tests for the `avg_pool2d` kata."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    check_backward,
    check_call,
    check_gradient_numerically,
    expect_value_error,
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

HINT_FORWARD = (
    "out[n, c, i, j] is the mean of the KH x KW window at rows i*stride_h .. i*stride_h + KH - 1 "
    "and columns j*stride_w .. j*stride_w + KW - 1 of the zero-padded input."
)
HINT_STRIDE_DEFAULT = (
    "stride=None means stride = kernel_size (non-overlapping windows), as in PyTorch, not 1."
)
HINT_SIZE = (
    "H_out = (H + 2*pad_h - KH) // stride_h + 1, rounded DOWN: a trailing partial window is "
    "dropped (ceil_mode=False), never padded to fit."
)
HINT_INCLUDE_PAD = (
    "PyTorch's default count_include_pad=True: the padded zeros are members of the window, so "
    "every window is divided by KH * KW, also at the border (not by the number of real cells)."
)
HINT_BACKWARD = (
    "Every element of a window receives dout / (KH * KW) from it; overlapping windows add up; "
    "what lands on the padding is dropped when you crop back to (H, W)."
)
HINT_FITS_PADDED = (
    "The kernel only has to fit the PADDED input: H + 2*pad_h >= KH. A 3x3 input with kernel 4 "
    "and padding 1 is valid (the padded input is 5x5)."
)
HINT_STRIDE_OVER_KERNEL = (
    "With a stride larger than the kernel the windows leave gaps: window (i, j) starts at row "
    "i*stride_h and column j*stride_w (not i*KH, j*KW), and the cells between windows get 0."
)
HINT_CACHE = (
    "The backward pass must read the kernel size, stride, padding and shapes (and anything "
    "else it needs) from the cache that its own forward pass returned, never from a global."
)
HINT_OVERLAP = (
    "With stride < kernel, windows overlap and an element receives a share from EACH window that "
    "contains it: accumulate with +=, never assign."
)


def _forward(solution, reference, x, hint, **kwargs):
    check_call(solution, reference, FWD, x, outputs=("out",), hint=hint, **kwargs)


def _backward(solution, reference, x, seed, hint, other=None, **kwargs):
    check_backward(
        solution, reference, FWD, BWD, {"x": x}, kwargs=kwargs, other_kwargs=other, seed=seed,
        hint=hint,
    )  # fmt: skip


# ---------------------------------------------------------------- forward


def test_forward_default_stride_is_the_kernel_size(solution, reference):
    """Forward pass without a stride argument: windows tile the input (stride = kernel)."""
    _forward(solution, reference, sample(1, (2, 3, 8, 6)), HINT_STRIDE_DEFAULT, kernel_size=2)
    _forward(solution, reference, sample(2, (1, 2, 6, 9)), HINT_STRIDE_DEFAULT, kernel_size=(2, 3))


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*ROUNDS_DOWN))
def test_forward_output_size_rounds_down(solution, reference, seed, shape, kwargs):
    """Output size rounds down when the stride does not divide the input: (H + 2p - K) // s + 1."""
    _forward(solution, reference, sample(seed, shape), HINT_SIZE, **kwargs)


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
    """Forward pass with explicit strides (some larger than the kernel), (h, w) pairs, batch 1."""
    _forward(solution, reference, sample(seed, shape), HINT_FORWARD, **kwargs)


@pytest.mark.parametrize("value", [1.0, -3.0])
def test_forward_padding_counts_in_the_average(solution, reference, value):
    """Constant input with padding: border windows average in the zeros, so they shrink."""
    _forward(
        solution, reference, np.full((1, 2, 4, 5), value), HINT_INCLUDE_PAD,
        kernel_size=3, stride=1, padding=1,
    )  # fmt: skip
    _forward(
        solution, reference, np.full((2, 1, 5, 3), value), HINT_INCLUDE_PAD,
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
    """Forward pass with zero padding (counted in the divisor), square and (h, w) pairs."""
    _forward(solution, reference, sample(seed, shape), HINT_INCLUDE_PAD, **kwargs)


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*FITS_PADDED))
def test_forward_kernel_fits_only_the_padded_input(solution, reference, seed, shape, kwargs):
    """Forward pass with a kernel larger than the input but not than the padded input."""
    _forward(solution, reference, sample(seed, shape), HINT_FITS_PADDED, **kwargs)


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
    """Backward pass against the reference, non-overlapping windows."""
    _backward(solution, reference, sample(seed, shape), seed, HINT_BACKWARD, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (50, (2, 2, 6, 7), {"kernel_size": 3, "stride": 1}),
        (51, (1, 2, 7, 7), {"kernel_size": 3, "stride": 2}),
        (52, (2, 1, 5, 8), {"kernel_size": (2, 3), "stride": (1, 2)}),
    ),
)
def test_backward_overlapping_windows_add_up(solution, reference, seed, shape, kwargs):
    """Backward pass with overlapping windows: each element sums the shares of its windows."""
    _backward(solution, reference, sample(seed, shape), seed, HINT_OVERLAP, **kwargs)


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*STRIDE_OVER_KERNEL))
def test_backward_stride_larger_than_the_kernel(solution, reference, seed, shape, kwargs):
    """Backward pass with a stride larger than the kernel: cells between windows get 0."""
    _backward(solution, reference, sample(seed, shape), seed, HINT_STRIDE_OVER_KERNEL, **kwargs)


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
    """Backward pass with padding: every window divides by KH * KW, padding's share is dropped."""
    _backward(solution, reference, sample(seed, shape), seed, HINT_INCLUDE_PAD, **kwargs)


@pytest.mark.parametrize(("shape", "kwargs", "other"), OTHER_WINDOWS_SAME_OUTPUT)
def test_backward_uses_its_own_cache(solution, reference, shape, kwargs, other):
    """Two forward passes with other windows but outputs of one shape: each backward its own."""
    _backward(solution, reference, sample(96, shape), 96, HINT_CACHE, other=other, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (70, (2, 2, 6, 6), {"kernel_size": 2}),
        (71, (1, 2, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (72, (2, 1, 5, 7), {"kernel_size": (2, 3), "stride": 1, "padding": (1, 0)}),
    ),
)
def test_backward_matches_own_forward(solution, seed, shape, kwargs):
    """Backward pass against central differences of your own forward pass."""
    check_gradient_numerically(
        solution, FWD, BWD, {"x": sample(seed, shape)},
        kwargs=kwargs, samples=16, seed=seed, hint=HINT_BACKWARD,
    )  # fmt: skip


# ---------------------------------------------------------------- error rules


@pytest.mark.parametrize(
    ("shape", "kwargs", "because"),
    invalid_cases(INVALID_POOLING),
)
def test_invalid_arguments_are_a_value_error(solution, shape, kwargs, because):
    """ValueError for an input that is not 4-D, a bad kernel size, stride or padding."""
    expect_value_error(solution, FWD, np.ones(shape), because=because, **kwargs)


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    """ValueError when dout does not have the forward output's shape (even if it broadcasts)."""
    x = sample(95, (2, 3, 4, 6))
    cache = solution.call(FWD, x, kernel_size=2)[-1]
    expect_value_error(
        solution, BWD, np.ones((1, 3, 2, 3)), cache,
        because="dout has shape (1, 3, 2, 3) but the output is (2, 3, 2, 3)",
    )  # fmt: skip
    expect_value_error(
        solution, BWD, np.ones((2, 3, 2, 1)), cache,
        because="dout has shape (2, 3, 2, 1) but the output is (2, 3, 2, 3)",
    )  # fmt: skip
