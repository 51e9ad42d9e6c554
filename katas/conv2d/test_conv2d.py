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


def _pair(value):
    return value if isinstance(value, tuple) else (value, value)


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
        (33, (2, 2, 8, 11, 2, 3, 3, 3, 1)),
    ],
)
def test_forward_output_size_rounds_down(solution, reference, seed, case):
    """Output size when the stride does not divide H + 2p - K: (H + 2p - K) // s + 1 rounds down."""
    _, _, h, w, _, kh, kw, stride, padding = case
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    assert (h + 2 * ph - kh) % sh or (w + 2 * pw - kw) % sw, "this case must round down"
    _forward(solution, reference, case, seed, HINT_SIZE)


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (34, (2, 2, 4, 5, 3, 2, 2, 1, 3)),
        (35, (1, 2, 5, 4, 2, 1, 1, 2, (2, 1))),
        (36, (2, 1, 3, 4, 2, 2, 3, (3, 1), (2, 4))),
    ],
)
def test_forward_padding_larger_than_kernel(solution, reference, seed, case):
    """Padding wider than the kernel: border windows that read only zeros give just the bias."""
    _forward(solution, reference, case, seed, HINT_PADDING)


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (37, (2, 2, 9, 8, 3, 2, 2, 3, 0)),
        (38, (1, 3, 7, 10, 2, 1, 1, (2, 3), 0)),
        (39, (2, 2, 8, 7, 2, 2, 1, (3, 4), (1, 2))),
    ],
)
def test_forward_stride_larger_than_kernel(solution, reference, seed, case):
    """Stride larger than the kernel: windows leave gaps, and rows or columns are skipped."""
    _forward(solution, reference, case, seed, HINT_STRIDE)


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
    # 1x1 kernels: plain, strided with padding, and a (stride_h, stride_w) pair
    (2, 3, 4, 5, 2, 1, 1, 1, 0),
    (2, 2, 5, 4, 3, 1, 1, 2, 1),
    (1, 3, 6, 7, 2, 1, 1, (2, 3), (0, 2)),
    # stride larger than the kernel: input cells between windows get no gradient
    (2, 2, 9, 8, 3, 2, 2, 3, 0),
    (2, 1, 8, 7, 2, 2, 1, (3, 4), (1, 2)),
    # padding larger than the kernel
    (2, 2, 4, 5, 3, 2, 2, 1, 3),
    (1, 2, 3, 4, 2, 2, 3, (3, 1), (2, 4)),
]


@pytest.mark.parametrize(("seed", "case"), list(enumerate(BACKWARD_CASES, start=60)))
def test_backward_against_reference(solution, reference, seed, case):
    """Backward pass (dx, dw, db): stride/padding pairs, 1x1 kernels, stride or padding > kernel."""
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


def test_backward_uses_its_own_cache(solution, reference):
    """Backward of two forward passes (stride 1, then stride 2 and padding (2, 3)), newest first."""
    x, wt, b = _data(80, 2, 2, 6, 7, 3, 3, 2)
    check_backward(
        solution,
        reference,
        "conv2d_forward",
        "conv2d_backward",
        {"x": x, "w": wt, "b": b},
        kwargs={"stride": 1, "padding": 0},
        other_kwargs={"stride": 2, "padding": (2, 3)},
        seed=80,
        hint="Everything conv2d_backward needs (the padded input, the weights, the stride and the "
        "padding) must travel in the cache of the forward pass it belongs to.",
    )


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (70, (2, 2, 5, 6, 3, 3, 3, 1, 1)),
        (71, (2, 1, 7, 6, 2, 3, 2, (2, 1), (1, 2))),
        (72, (1, 2, 6, 7, 2, 3, 3, (1, 3), (2, 0))),
        (73, (2, 2, 5, 4, 2, 1, 1, (2, 3), (2, 1))),
        (74, (1, 2, 7, 8, 2, 2, 2, 3, 3)),
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


def test_input_not_4d_is_a_value_error(solution):
    """ValueError when x is not 4-D (N, C, H, W), e.g. a single (C, H, W) image."""
    w, b = np.ones((2, 3, 3, 3)), np.zeros(2)
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((3, 5, 5)),
        w,
        b,
        because="x of shape (3, 5, 5) has no batch axis: x must be (N, C, H, W)",
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 1, 3, 5, 5)),
        w,
        b,
        because="x of shape (2, 1, 3, 5, 5) is 5-D: x must be (N, C, H, W)",
    )


def test_channel_mismatch_is_a_value_error(solution):
    """ValueError when w is not (C_out, C, KH, KW) for x's C channels, even where it broadcasts."""
    b = np.zeros(2)
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 3, 5, 5)),
        np.ones((2, 1, 3, 3)),
        b,
        because="x has 3 channels but w expects C_in = 1 (broadcasting would hide this)",
    )
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
        np.ones((1, 3, 5, 5)),
        np.ones((3, 3, 3)),
        np.zeros(3),
        because="w of shape (3, 3, 3) is not (C_out, C_in, KH, KW)",
    )


def test_bias_shape_is_a_value_error(solution):
    """ValueError when b is not (C_out,), even a (1,) bias that would broadcast."""
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 3, 5, 5)),
        np.ones((2, 3, 3, 3)),
        np.zeros(1),
        because="b has 1 value but w has C_out = 2 filters (broadcasting would hide this)",
    )


def test_kernel_larger_than_padded_input_is_a_value_error(solution):
    """ValueError when the kernel is larger than the padded input, in height or in width."""
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((1, 1, 3, 5)),
        np.ones((1, 1, 4, 3)),
        np.zeros(1),
        because="a 4-row kernel does not fit a 3-row input without padding (H_out would be 0)",
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


@pytest.mark.parametrize(
    "cases",
    [
        [
            ({"stride": (1, -1)}, "a negative stride_w would walk the columns backwards"),
            ({"stride": -2}, "a negative stride"),
            ({"padding": (0, -1)}, "a negative padding"),
        ],
        [
            ({"stride": 0}, "a stride of 0 never moves"),
            ({"stride": (2, 0)}, "stride_w = 0 never moves"),
        ],
        [
            ({"stride": 1.5}, "a stride must be an int, not 1.5"),
            ({"stride": (1, 2, 1)}, "a stride pair has two values, not three"),
            ({"padding": (1,)}, "a padding pair has two values, not one"),
        ],
    ],
    ids=["negative", "zero stride", "not an int or a pair"],
)
def test_bad_stride_or_padding_is_a_value_error(solution, cases):
    """ValueError for a stride below 1, a negative padding, or one that is not an int or a pair."""
    for kwargs, because in cases:
        expect_value_error(
            solution,
            "conv2d_forward",
            np.ones((1, 2, 6, 7)),
            np.ones((2, 2, 3, 3)),
            np.zeros(2),
            because=because,
            **kwargs,
        )


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    """ValueError when dout does not have the forward output's shape, even where it broadcasts."""
    x, wt, b = _data(90, 2, 3, 5, 5, 2, 3, 3)
    _, cache = solution.conv2d_forward(x, wt, b, padding=1)
    expect_value_error(
        solution,
        "conv2d_backward",
        np.ones((2, 1, 5, 5)),
        cache,
        because="the output has shape (2, 2, 5, 5), so dout (2, 1, 5, 5) is the wrong shape",
    )
