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
HINT_OVERLAP = (
    "With stride < kernel, windows overlap and an element receives a share from EACH window that "
    "contains it: accumulate with +=, never assign."
)


def _label(shape: tuple[int, ...], kwargs: dict) -> str:
    size = "x".join(str(d) for d in shape)
    return ", ".join([f"x {size}"] + [f"{k}={v}" for k, v in kwargs.items()])


def _cases(*rows):
    """Parametrize rows (seed, shape, kwargs) with readable ids."""
    return [pytest.param(seed, shape, kw, id=_label(shape, kw)) for seed, shape, kw in rows]


def _normal(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def _forward(solution, reference, x, hint, **kwargs):
    check_call(solution, reference, "avg_pool2d_forward", x, outputs=("out",), hint=hint, **kwargs)


def _backward(solution, reference, x, seed, hint, **kwargs):
    check_backward(
        solution, reference, "avg_pool2d_forward", "avg_pool2d_backward", {"x": x},
        kwargs=kwargs, seed=seed, hint=hint,
    )  # fmt: skip


def test_forward_default_stride_is_the_kernel_size(solution, reference):
    """Forward pass without a stride argument: windows tile the input (stride = kernel)."""
    _forward(solution, reference, _normal(1, (2, 3, 8, 6)), HINT_STRIDE_DEFAULT, kernel_size=2)
    _forward(solution, reference, _normal(2, (1, 2, 6, 9)), HINT_STRIDE_DEFAULT, kernel_size=(2, 3))


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (10, (1, 2, 7, 9), {"kernel_size": 2}),
        (11, (2, 1, 8, 7), {"kernel_size": 3, "stride": 2}),
        (12, (1, 1, 10, 6), {"kernel_size": (3, 2), "stride": (3, 4)}),
    ),
)
def test_forward_output_size_rounds_down(solution, reference, seed, shape, kwargs):
    """Output size when the stride does not divide the input: (H + 2p - K) // s + 1."""
    _forward(solution, reference, _normal(seed, shape), HINT_SIZE, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (20, (2, 3, 6, 8), {"kernel_size": 2, "stride": 1}),
        (21, (1, 2, 9, 6), {"kernel_size": (3, 2), "stride": (2, 1)}),
        (22, (1, 1, 5, 11), {"kernel_size": (2, 4), "stride": (1, 3)}),
        (23, (3, 1, 4, 4), {"kernel_size": 4, "stride": 1}),
    ),
)
def test_forward_strides_and_non_square_windows(solution, reference, seed, shape, kwargs):
    """Forward pass with explicit strides, (h, w) pairs, non-square inputs and batch size 1."""
    _forward(solution, reference, _normal(seed, shape), HINT_FORWARD, **kwargs)


def test_forward_padding_counts_in_the_average(solution, reference):
    """Forward pass with padding on an all-ones input: border windows average in the zeros."""
    _forward(
        solution, reference, np.ones((1, 1, 4, 5)), HINT_INCLUDE_PAD,
        kernel_size=3, stride=1, padding=1,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (30, (2, 2, 5, 5), {"kernel_size": 3, "stride": 1, "padding": 1}),
        (31, (1, 3, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (32, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
        (33, (2, 1, 4, 4), {"kernel_size": 4, "padding": 2}),
    ),
)
def test_forward_with_padding(solution, reference, seed, shape, kwargs):
    """Forward pass with zero padding (counted in the divisor), square and (h, w) pairs."""
    _forward(solution, reference, _normal(seed, shape), HINT_INCLUDE_PAD, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (40, (2, 3, 6, 8), {"kernel_size": 2}),
        (41, (1, 2, 9, 7), {"kernel_size": 3}),
        (42, (2, 1, 8, 9), {"kernel_size": (2, 3), "stride": (2, 3)}),
    ),
)
def test_backward_non_overlapping(solution, reference, seed, shape, kwargs):
    """Backward pass against the reference, non-overlapping windows."""
    _backward(solution, reference, _normal(seed, shape), seed, HINT_BACKWARD, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (50, (2, 2, 6, 7), {"kernel_size": 3, "stride": 1}),
        (51, (1, 2, 7, 7), {"kernel_size": 3, "stride": 2}),
        (52, (2, 1, 5, 8), {"kernel_size": (2, 3), "stride": (1, 2)}),
    ),
)
def test_backward_overlapping_windows_add_up(solution, reference, seed, shape, kwargs):
    """Backward pass with overlapping windows: each element sums the shares of its windows."""
    _backward(solution, reference, _normal(seed, shape), seed, HINT_OVERLAP, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (60, (2, 2, 5, 5), {"kernel_size": 3, "stride": 1, "padding": 1}),
        (61, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
        (62, (2, 1, 4, 4), {"kernel_size": 4, "padding": 2}),
    ),
)
def test_backward_with_padding(solution, reference, seed, shape, kwargs):
    """Backward pass with padding: every window divides by KH * KW, padding's share is dropped."""
    _backward(solution, reference, _normal(seed, shape), seed, HINT_INCLUDE_PAD, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (70, (2, 2, 6, 6), {"kernel_size": 2}),
        (71, (1, 2, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (72, (2, 1, 5, 7), {"kernel_size": (2, 3), "stride": 1, "padding": (1, 0)}),
    ),
)
def test_backward_matches_own_forward(solution, seed, shape, kwargs):
    """Backward pass against central differences of your own forward pass."""
    check_gradient_numerically(
        solution, "avg_pool2d_forward", "avg_pool2d_backward", {"x": _normal(seed, shape)},
        kwargs=kwargs, samples=16, seed=seed, hint=HINT_BACKWARD,
    )  # fmt: skip


def test_padding_larger_than_half_the_kernel_is_a_value_error(solution):
    """ValueError when the padding exceeds half the kernel size, in height or in width."""
    x = np.ones((1, 1, 6, 6))
    expect_value_error(
        solution, "avg_pool2d_forward", x, kernel_size=2, padding=2,
        because="padding 2 is more than half of kernel size 2 (PyTorch refuses it too)",
    )  # fmt: skip
    expect_value_error(
        solution, "avg_pool2d_forward", x, kernel_size=3, stride=1, padding=2,
        because="padding 2 is more than half of kernel size 3",
    )  # fmt: skip
    expect_value_error(
        solution, "avg_pool2d_forward", x, kernel_size=(4, 2), padding=(1, 2),
        because="pad_w = 2 is more than half of KW = 2",
    )  # fmt: skip


def test_kernel_larger_than_padded_input_is_a_value_error(solution):
    """ValueError when the kernel does not fit in the padded input."""
    expect_value_error(
        solution, "avg_pool2d_forward", np.ones((1, 2, 5, 4)), kernel_size=6,
        because="a 6x6 kernel does not fit a 5x4 input",
    )  # fmt: skip
    expect_value_error(
        solution, "avg_pool2d_forward", np.ones((2, 1, 5, 4)), kernel_size=(2, 7), padding=(0, 1),
        because="a 7-column kernel does not fit 4 columns padded by 1 on each side",
    )  # fmt: skip


def test_invalid_stride_or_padding_is_a_value_error(solution):
    """ValueError for a zero stride or a negative padding."""
    x = np.ones((1, 1, 6, 6))
    expect_value_error(
        solution, "avg_pool2d_forward", x, kernel_size=2, stride=0,
        because="stride must be positive",
    )  # fmt: skip
    expect_value_error(
        solution, "avg_pool2d_forward", x, kernel_size=3, padding=-1,
        because="padding must not be negative",
    )  # fmt: skip
