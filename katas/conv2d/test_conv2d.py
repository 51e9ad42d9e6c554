"""Hidden tests for the `conv2d` kata."""

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
    "out[n, o, i, j] = b[o] + sum over c, p, q of xp[n, c, i*stride_h + p, j*stride_w + q] * "
    "w[o, c, p, q]: a cross-correlation (the kernel is not flipped) on x zero-padded on all sides."
)
HINT_PADDING = (
    "Padding adds pad_h rows of zeros above AND below the image and pad_w columns left AND right, "
    "e.g. np.pad(x, ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w))). Putting all 2*pad on one "
    "side gives the right output size but shifted windows."
)
HINT_STRIDE = (
    "A stride pair is (stride_h, stride_w): rows advance by stride[0], columns by stride[1]. "
    "Output row i starts at row i*stride_h of the padded input."
)
HINT_SIZE = (
    "H_out = (H + 2*pad_h - KH) // stride_h + 1, rounded DOWN: a trailing partial window is "
    "dropped, never padded to fit (that would be ceil_mode)."
)
HINT_BACKWARD = (
    "db sums dout over the batch and both spatial axes; dw[o] accumulates dout[n, o, i, j] * "
    "window(n, i, j); dx scatter-adds w[o] * dout[n, o, i, j] into a padded-shape buffer, then "
    "crops pad_h, pad_w from EACH side."
)


def _data(seed: int, n: int, c: int, h: int, w: int, c_out: int, kh: int, kw: int):
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((n, c, h, w)),
        rng.standard_normal((c_out, c, kh, kw)),
        rng.standard_normal(c_out),
    )


def _forward(solution, reference, case, seed, hint):
    n, c, h, w, c_out, kh, kw, stride, padding = case
    x, wt, b = _data(seed, n, c, h, w, c_out, kh, kw)
    check_call(
        solution,
        reference,
        "conv2d_forward",
        x,
        wt,
        b,
        stride=stride,
        padding=padding,
        outputs=("out",),
        hint=hint,
    )


def test_forward_no_padding_stride_one(solution, reference):
    """Forward pass, stride 1 and no padding, on non-square images and kernels."""
    _forward(solution, reference, (2, 3, 7, 6, 4, 3, 3, 1, 0), 1, HINT_FORWARD)
    _forward(solution, reference, (2, 2, 5, 8, 3, 2, 4, 1, 0), 2, HINT_FORWARD)


def test_forward_batch_of_one_and_single_channels(solution, reference):
    """Forward pass with a batch of one, one input channel, and one output channel."""
    _forward(solution, reference, (1, 1, 5, 6, 1, 3, 2, 1, 0), 3, HINT_FORWARD)
    _forward(solution, reference, (1, 3, 4, 5, 2, 1, 1, 1, 0), 4, HINT_FORWARD)


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (10, (2, 3, 5, 6, 2, 3, 3, 1, 1)),
        (11, (1, 2, 4, 7, 3, 3, 3, 1, (0, 2))),
        (12, (2, 1, 6, 5, 2, 3, 2, 1, (2, 1))),
    ],
)
def test_forward_zero_padding(solution, reference, seed, case):
    """Forward pass with zero padding on both sides, square and (pad_h, pad_w) pairs."""
    _forward(solution, reference, case, seed, HINT_PADDING)


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (20, (2, 2, 7, 7, 3, 3, 3, 2, 0)),
        (21, (2, 1, 6, 9, 2, 3, 3, (1, 2), 0)),
        (22, (1, 2, 9, 7, 2, 2, 3, (2, 1), (1, 0))),
        (23, (2, 3, 5, 8, 2, 2, 4, (2, 3), (1, 2))),
    ],
)
def test_forward_stride(solution, reference, seed, case):
    """Forward pass with strides, including (stride_h, stride_w) pairs on non-square images."""
    _forward(solution, reference, case, seed, HINT_STRIDE)


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (30, (1, 2, 6, 6, 2, 3, 3, 2, 0)),
        (31, (2, 1, 8, 5, 3, 3, 2, 2, 1)),
        (32, (1, 2, 9, 7, 1, 2, 3, (2, 1), (1, 0))),
        (33, (2, 2, 7, 10, 2, 3, 3, 3, 1)),
    ],
)
def test_forward_output_size_rounds_down(solution, reference, seed, case):
    """Output size when the stride does not divide the padded input: (H + 2p - K) // s + 1."""
    _forward(solution, reference, case, seed, HINT_SIZE)


def test_forward_kernel_as_large_as_padded_input(solution, reference):
    """A kernel as large as the padded input (1x1 output), or larger than the unpadded input."""
    _forward(solution, reference, (2, 2, 3, 4, 2, 5, 4, 1, (1, 0)), 40, HINT_SIZE)
    _forward(solution, reference, (1, 2, 2, 3, 3, 3, 3, 1, 1), 41, HINT_PADDING)
    _forward(solution, reference, (2, 1, 4, 4, 2, 4, 4, 2, 0), 42, HINT_SIZE)


def test_forward_integer_valued_inputs(solution, reference):
    """Forward pass on small integers, where every product and sum is exact."""
    rng = np.random.default_rng(50)
    x = rng.integers(-3, 4, (2, 2, 5, 6)).astype(float)
    w = rng.integers(-2, 3, (3, 2, 3, 2)).astype(float)
    b = rng.integers(-2, 3, 3).astype(float)
    check_call(
        solution,
        reference,
        "conv2d_forward",
        x,
        w,
        b,
        stride=(1, 2),
        padding=1,
        outputs=("out",),
        hint=HINT_FORWARD,
    )


BACKWARD_CASES = [
    (2, 3, 5, 6, 4, 3, 3, 1, 0),
    (2, 2, 5, 4, 3, 3, 3, 1, 1),
    (1, 2, 6, 6, 2, 3, 3, 2, 0),
    (2, 1, 8, 5, 3, 3, 2, 2, 1),
    (3, 2, 6, 9, 2, 3, 3, (1, 2), (0, 1)),
    (2, 2, 9, 7, 1, 2, 3, (2, 1), (1, 0)),
    (2, 1, 3, 4, 2, 5, 4, 1, (1, 0)),
    (2, 2, 7, 5, 2, 3, 3, 2, 2),
]


@pytest.mark.parametrize(("seed", "case"), list(enumerate(BACKWARD_CASES, start=60)))
def test_backward_against_reference(solution, reference, seed, case):
    """Backward pass (dx, dw, db) against the reference, across stride and padding pairs."""
    n, c, h, w, c_out, kh, kw, stride, padding = case
    x, wt, b = _data(seed, n, c, h, w, c_out, kh, kw)
    check_backward(
        solution,
        reference,
        "conv2d_forward",
        "conv2d_backward",
        {"x": x, "w": wt, "b": b},
        kwargs={"stride": stride, "padding": padding},
        seed=seed,
        hint=HINT_BACKWARD,
    )


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (70, (2, 2, 5, 6, 3, 3, 3, 1, 1)),
        (71, (2, 1, 7, 6, 2, 3, 2, (2, 1), (1, 2))),
        (72, (1, 2, 6, 7, 2, 3, 3, (1, 3), (2, 0))),
    ],
)
def test_backward_matches_own_forward(solution, seed, case):
    """Backward pass against central differences of your own forward, with stride/padding pairs."""
    n, c, h, w, c_out, kh, kw, stride, padding = case
    x, wt, b = _data(seed, n, c, h, w, c_out, kh, kw)
    check_gradient_numerically(
        solution,
        "conv2d_forward",
        "conv2d_backward",
        {"x": x, "w": wt, "b": b},
        kwargs={"stride": stride, "padding": padding},
        seed=seed,
        hint=HINT_BACKWARD,
    )


def test_channel_mismatch_is_a_value_error(solution):
    """ValueError when x's channel count differs from w's C_in."""
    b = np.zeros(2)
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((1, 3, 5, 5)),
        np.ones((2, 2, 3, 3)),
        b,
        because="x has 3 channels but w expects C_in = 2",
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 3, 5, 5)),
        np.ones((2, 1, 3, 3)),
        b,
        because="x has 3 channels but w expects C_in = 1 (broadcasting would hide this)",
    )


def test_kernel_larger_than_padded_input_is_a_value_error(solution):
    """ValueError when the kernel is larger than the padded input, in height or in width."""
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((1, 1, 3, 5)),
        np.ones((1, 1, 4, 3)),
        np.zeros(1),
        because="a 4-row kernel does not fit a 3-row input without padding",
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 2, 4, 3)),
        np.ones((1, 2, 3, 6)),
        np.zeros(1),
        padding=1,
        because="a 6-column kernel does not fit 3 columns padded by 1 on each side",
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((1, 2, 4, 3)),
        np.ones((1, 2, 7, 3)),
        np.zeros(1),
        stride=2,
        padding=(1, 0),
        because="a 7-row kernel does not fit 4 rows padded by 1 on each side (6 rows)",
    )
