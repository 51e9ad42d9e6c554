"""Hidden tests for the `max_pool2d` kata."""

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
    "out[n, c, i, j] is the maximum of x over rows i*stride_h .. i*stride_h + KH - 1 and columns "
    "j*stride_w .. j*stride_w + KW - 1 of the padded input; channels are pooled separately."
)
HINT_STRIDE_DEFAULT = (
    "stride=None means stride = kernel_size (non-overlapping windows), as in PyTorch, not 1."
)
HINT_SIZE = (
    "H_out = (H + 2*pad_h - KH) // stride_h + 1, rounded DOWN: a trailing partial window is "
    "dropped (ceil_mode=False), never padded to fit."
)
HINT_PADDING = (
    "Padding is implicit -inf, not 0: a padded cell must never win the maximum. With an "
    "all-negative input, zero padding turns every border window into 0."
)
HINT_TIES = (
    "When several elements of a window tie for the maximum, only the FIRST in row-major order "
    "(row by row, left to right) receives the gradient: np.argmax over the flattened window, or "
    "a loop that replaces the candidate only on a strictly greater value. A mask "
    "`window == window.max()` sends it to every tied element."
)
HINT_OVERLAP = (
    "With overlapping windows an element can be the maximum of several windows and must receive "
    "the SUM of their gradients. A fancy-indexed `dx[idx] += g` (or `dx[idx] = g`) keeps only one "
    "of the repeated indices; use np.add.at or accumulate in a loop."
)
HINT_BACKWARD = (
    "Each window sends its upstream gradient to its (first) maximum; everything else gets 0. "
    "Scatter-add into a zero array of the padded shape, then crop the padding from each side."
)


def _label(shape: tuple[int, ...], kwargs: dict) -> str:
    size = "x".join(str(d) for d in shape)
    return ", ".join([f"x {size}"] + [f"{k}={v}" for k, v in kwargs.items()])


def _cases(*rows):
    """Parametrize rows (seed, shape, kwargs) with readable ids."""
    return [pytest.param(seed, shape, kw, id=_label(shape, kw)) for seed, shape, kw in rows]


def _normal(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def _integers(seed: int, shape: tuple[int, ...], high: int = 3) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, high, size=shape).astype(np.float64)


def _negative(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return -np.random.default_rng(seed).uniform(0.5, 4.0, size=shape)


def _forward(solution, reference, x, hint, **kwargs):
    check_call(solution, reference, "max_pool2d_forward", x, outputs=("out",), hint=hint, **kwargs)


def _backward(solution, reference, x, seed, hint, **kwargs):
    check_backward(
        solution, reference, "max_pool2d_forward", "max_pool2d_backward", {"x": x},
        kwargs=kwargs, seed=seed, hint=hint,
    )  # fmt: skip


def test_forward_default_stride_is_the_kernel_size(solution, reference):
    """Forward pass without a stride argument: windows tile the input (stride = kernel)."""
    _forward(solution, reference, _normal(1, (2, 3, 8, 6)), HINT_STRIDE_DEFAULT, kernel_size=2)
    _forward(solution, reference, _normal(2, (1, 2, 9, 6)), HINT_STRIDE_DEFAULT, kernel_size=3)
    _forward(solution, reference, _normal(3, (2, 1, 6, 8)), HINT_STRIDE_DEFAULT, kernel_size=(3, 2))


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (10, (1, 2, 7, 9), {"kernel_size": 2}),
        (11, (2, 1, 8, 7), {"kernel_size": 3, "stride": 2}),
        (12, (1, 1, 10, 6), {"kernel_size": (3, 2), "stride": (3, 4)}),
        (13, (2, 2, 6, 6), {"kernel_size": 2, "stride": 3, "padding": 1}),
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


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (30, (2, 2, 5, 5), {"kernel_size": 3, "stride": 1, "padding": 1}),
        (31, (1, 3, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (32, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
        (33, (2, 1, 4, 4), {"kernel_size": 4, "padding": 2}),
    ),
)
def test_forward_padding_is_minus_infinity(solution, reference, seed, shape, kwargs):
    """Forward pass with padding on all-negative inputs: padding must never win the maximum."""
    _forward(solution, reference, _negative(seed, shape), HINT_PADDING, **kwargs)


def test_forward_integer_inputs_with_ties(solution, reference):
    """Forward pass on small integers, where many windows hold tied maxima."""
    _forward(solution, reference, _integers(40, (2, 2, 6, 8)), HINT_FORWARD, kernel_size=2)
    _forward(
        solution, reference, _integers(41, (1, 3, 7, 7)), HINT_FORWARD,
        kernel_size=3, stride=2, padding=1,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (50, (2, 3, 6, 8), {"kernel_size": 2}),
        (51, (1, 2, 9, 7), {"kernel_size": 3}),
        (52, (2, 1, 8, 9), {"kernel_size": (2, 3), "stride": (2, 3)}),
    ),
)
def test_backward_routes_to_the_maximum(solution, reference, seed, shape, kwargs):
    """Backward pass against the reference, non-overlapping windows, continuous inputs."""
    _backward(solution, reference, _normal(seed, shape), seed, HINT_BACKWARD, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (60, (2, 2, 6, 8), {"kernel_size": 2}),
        (61, (1, 3, 6, 9), {"kernel_size": 3}),
        (62, (2, 1, 6, 6), {"kernel_size": (2, 3), "stride": (2, 3)}),
    ),
)
def test_backward_ties_go_to_the_first_maximum(solution, reference, seed, shape, kwargs):
    """Backward pass with tied maxima (integer inputs): only the first one in row-major order."""
    _backward(solution, reference, _integers(seed, shape), seed, HINT_TIES, **kwargs)


def test_backward_constant_input(solution, reference):
    """Backward pass on a constant input: every window's gradient goes to its top-left cell."""
    _backward(solution, reference, np.full((1, 2, 4, 6), 1.5), 65, HINT_TIES, kernel_size=2)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (70, (2, 2, 6, 7), {"kernel_size": 3, "stride": 1}),
        (71, (1, 2, 7, 7), {"kernel_size": 3, "stride": 2}),
        (72, (2, 1, 5, 8), {"kernel_size": (2, 3), "stride": 1, "padding": (1, 1)}),
    ),
)
def test_backward_overlapping_windows_add_up(solution, reference, seed, shape, kwargs):
    """Backward pass with overlapping windows: an element that wins several windows sums them."""
    _backward(solution, reference, _normal(seed, shape), seed, HINT_OVERLAP, **kwargs)


def test_backward_overlapping_windows_with_ties(solution, reference):
    """Backward pass with overlapping windows on integer inputs: ties and sums together."""
    _backward(
        solution, reference, _integers(75, (2, 2, 7, 6)), 75, HINT_TIES,
        kernel_size=3, stride=1, padding=1,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (80, (2, 2, 5, 5), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (81, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
    ),
)
def test_backward_with_padding(solution, reference, seed, shape, kwargs):
    """Backward pass with padding on all-negative inputs: no gradient is lost to the padding."""
    _backward(solution, reference, _negative(seed, shape), seed, HINT_PADDING, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    _cases(
        (90, (2, 2, 6, 6), {"kernel_size": 2}),
        (91, (1, 2, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (92, (2, 1, 5, 7), {"kernel_size": (2, 3), "stride": 1}),
    ),
)
def test_backward_matches_own_forward(solution, seed, shape, kwargs):
    """Backward pass against central differences of your own forward pass."""
    check_gradient_numerically(
        solution, "max_pool2d_forward", "max_pool2d_backward", {"x": _normal(seed, shape)},
        kwargs=kwargs, samples=16, seed=seed, hint=HINT_BACKWARD,
    )  # fmt: skip


def test_padding_larger_than_half_the_kernel_is_a_value_error(solution):
    """ValueError when the padding exceeds half the kernel size, in height or in width."""
    x = np.ones((1, 1, 6, 6))
    expect_value_error(
        solution, "max_pool2d_forward", x, kernel_size=2, padding=2,
        because="padding 2 is more than half of kernel size 2",
    )  # fmt: skip
    expect_value_error(
        solution, "max_pool2d_forward", x, kernel_size=3, stride=1, padding=2,
        because="padding 2 is more than half of kernel size 3",
    )  # fmt: skip
    expect_value_error(
        solution, "max_pool2d_forward", x, kernel_size=(4, 2), padding=(1, 2),
        because="pad_w = 2 is more than half of KW = 2",
    )  # fmt: skip


def test_kernel_larger_than_padded_input_is_a_value_error(solution):
    """ValueError when the kernel does not fit in the padded input."""
    expect_value_error(
        solution, "max_pool2d_forward", np.ones((1, 2, 5, 4)), kernel_size=6,
        because="a 6x6 kernel does not fit a 5x4 input",
    )  # fmt: skip
    expect_value_error(
        solution, "max_pool2d_forward", np.ones((2, 1, 5, 4)), kernel_size=(2, 7), padding=(0, 1),
        because="a 7-column kernel does not fit 4 columns padded by 1 on each side",
    )  # fmt: skip


def test_invalid_stride_or_padding_is_a_value_error(solution):
    """ValueError for a zero stride or a negative padding."""
    x = np.ones((1, 1, 6, 6))
    expect_value_error(
        solution, "max_pool2d_forward", x, kernel_size=2, stride=0,
        because="stride must be positive",
    )  # fmt: skip
    expect_value_error(
        solution, "max_pool2d_forward", x, kernel_size=3, padding=-1,
        because="padding must not be negative",
    )  # fmt: skip
