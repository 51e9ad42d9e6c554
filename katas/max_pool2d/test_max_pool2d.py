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

FWD = "max_pool2d_forward"
BWD = "max_pool2d_backward"

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
HINT_FITS_PADDED = (
    "The kernel only has to fit the PADDED input: H + 2*pad_h >= KH. A 3x3 input with kernel 4 "
    "and padding 1 is valid (the padded input is 5x5)."
)
HINT_TIES = (
    "When several elements of a window tie for the maximum, only the FIRST in row-major order "
    "(row by row, left to right) receives the gradient: np.argmax over the flattened window, or "
    "a loop that replaces the candidate only on a strictly greater value. A mask "
    "`window == window.max()` sends it to every tied element."
)
HINT_PADDING_NEVER_WINS = (
    "Padding is never selected, not even on a tie: only the window's real cells compete. When "
    "every real cell of a window is -inf (or equals whatever value you padded with), the "
    "gradient goes to the window's first REAL cell in row-major order, as PyTorch does; an "
    "argmax over the padded window picks a padded cell and the gradient is lost."
)
HINT_CACHE = (
    "The backward pass must read the kernel size, stride, padding and shapes (and anything "
    "else it needs) from the cache that its own forward pass returned, never from a global."
)
HINT_OVERLAP = (
    "With overlapping windows an element can be the maximum of several windows and must receive "
    "the SUM of their gradients. A fancy-indexed `dx[idx] += g` (or `dx[idx] = g`) keeps only one "
    "of the repeated indices; use np.add.at or accumulate in a loop."
)
HINT_STRIDE_OVER_KERNEL = (
    "With a stride larger than the kernel the windows leave gaps: window (i, j) starts at row "
    "i*stride_h and column j*stride_w (not i*KH, j*KW), and the cells between windows get 0."
)
HINT_BACKWARD = (
    "Each window sends its upstream gradient to its (first) maximum; everything else gets 0. "
    "Scatter-add into a zero array, at the winners' positions in x."
)


def _integers(seed: int, shape: tuple[int, ...], high: int = 3) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, high, size=shape).astype(np.float64)


def _negative(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return -np.random.default_rng(seed).uniform(0.5, 4.0, size=shape)


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
    _forward(solution, reference, sample(2, (1, 2, 9, 6)), HINT_STRIDE_DEFAULT, kernel_size=3)
    _forward(solution, reference, sample(3, (2, 1, 6, 8)), HINT_STRIDE_DEFAULT, kernel_size=(3, 2))


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


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (30, (2, 2, 5, 5), {"kernel_size": 3, "stride": 1, "padding": 1}),
        (31, (1, 3, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (32, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
        (33, (2, 1, 4, 4), {"kernel_size": 4, "padding": 2}),
    ),
)
def test_forward_padding_is_minus_infinity(solution, reference, seed, shape, kwargs):
    """Forward pass with padding on all-negative inputs: padding must never win the maximum."""
    _forward(solution, reference, _negative(seed, shape), HINT_PADDING, **kwargs)


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*FITS_PADDED))
def test_forward_kernel_fits_only_the_padded_input(solution, reference, seed, shape, kwargs):
    """Forward pass with a kernel larger than the input but not than the padded input."""
    _forward(solution, reference, _negative(seed, shape), HINT_FITS_PADDED, **kwargs)


def test_forward_integer_inputs_with_ties(solution, reference):
    """Forward pass on small integers, where many windows hold tied maxima."""
    _forward(solution, reference, _integers(40, (2, 2, 6, 8)), HINT_FORWARD, kernel_size=2)
    _forward(
        solution, reference, _integers(41, (1, 3, 7, 7)), HINT_FORWARD,
        kernel_size=3, stride=2, padding=1,
    )  # fmt: skip


def test_forward_minus_infinity_inputs(solution, reference):
    """Forward pass on inputs holding -inf, with padding: a window of -inf cells gives -inf."""
    x = _integers(42, (2, 2, 5, 6))
    x[x < 2] = -np.inf
    _forward(solution, reference, x, HINT_PADDING, kernel_size=3, stride=2, padding=1)


# ---------------------------------------------------------------- backward


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (50, (2, 3, 6, 8), {"kernel_size": 2}),
        (51, (1, 2, 9, 7), {"kernel_size": 3}),
        (52, (2, 1, 8, 9), {"kernel_size": (2, 3), "stride": (2, 3)}),
    ),
)
def test_backward_routes_to_the_maximum(solution, reference, seed, shape, kwargs):
    """Backward pass against the reference, non-overlapping windows, continuous inputs."""
    _backward(solution, reference, sample(seed, shape), seed, HINT_BACKWARD, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
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


@pytest.mark.parametrize("value", [0.0, -2.5])
def test_backward_constant_input_with_padding(solution, reference, value):
    """Constant input with padding: a border window's gradient goes to its first REAL cell."""
    x = np.full((2, 1, 5, 4), value)
    _backward(
        solution, reference, x, 66, HINT_PADDING_NEVER_WINS, kernel_size=3, stride=2, padding=1,
    )  # fmt: skip


def test_backward_windows_of_minus_infinity(solution, reference):
    """Windows whose real cells are all -inf send the gradient to their first real cell."""
    x = _integers(67, (2, 2, 6, 7))
    x[x < 2] = -np.inf
    _backward(
        solution, reference, x, 67, HINT_PADDING_NEVER_WINS, kernel_size=(3, 2), stride=1,
        padding=1,
    )  # fmt: skip
    x = np.full((1, 2, 4, 4), -np.inf)
    _backward(solution, reference, x, 68, HINT_PADDING_NEVER_WINS, kernel_size=4, padding=2)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (70, (2, 2, 6, 7), {"kernel_size": 3, "stride": 1}),
        (71, (1, 2, 7, 7), {"kernel_size": 3, "stride": 2}),
        (72, (2, 1, 5, 8), {"kernel_size": (2, 3), "stride": 1, "padding": (1, 1)}),
    ),
)
def test_backward_overlapping_windows_add_up(solution, reference, seed, shape, kwargs):
    """Backward pass with overlapping windows: an element that wins several windows sums them."""
    _backward(solution, reference, sample(seed, shape), seed, HINT_OVERLAP, **kwargs)


def test_backward_overlapping_windows_with_ties(solution, reference):
    """Backward pass with overlapping windows on integer inputs: ties and sums together."""
    _backward(
        solution, reference, _integers(75, (2, 2, 7, 6)), 75, HINT_TIES,
        kernel_size=3, stride=1, padding=1,
    )  # fmt: skip


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*STRIDE_OVER_KERNEL))
def test_backward_stride_larger_than_the_kernel(solution, reference, seed, shape, kwargs):
    """Backward pass with a stride larger than the kernel: cells between windows get 0."""
    _backward(solution, reference, sample(seed, shape), seed, HINT_STRIDE_OVER_KERNEL, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (80, (2, 2, 5, 5), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (81, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
        *FITS_PADDED,
    ),
)
def test_backward_with_padding(solution, reference, seed, shape, kwargs):
    """Backward pass with padding on all-negative inputs: no gradient is lost to the padding."""
    _backward(solution, reference, _negative(seed, shape), seed, HINT_PADDING, **kwargs)


@pytest.mark.parametrize(("shape", "kwargs", "other"), OTHER_WINDOWS_SAME_OUTPUT)
def test_backward_uses_its_own_cache(solution, reference, shape, kwargs, other):
    """Two forward passes with other windows but outputs of one shape: each backward its own."""
    _backward(solution, reference, sample(96, shape), 96, HINT_CACHE, other=other, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (90, (2, 2, 6, 6), {"kernel_size": 2}),
        (91, (1, 2, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (92, (2, 1, 5, 7), {"kernel_size": (2, 3), "stride": 1}),
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
