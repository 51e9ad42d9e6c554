"""Hidden tests for the `conv2d` kata."""

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


def _pair(value):
    return value if isinstance(value, tuple) else (value, value)


def _hints(values: str, *size: str) -> dict[str, str]:
    """A wrong output shape gets the output-size note (after the notes `size`); wrong values get
    `values`."""
    return {"shape": note(*size, "output_size"), "mismatch": values}


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
    _forward(solution, reference, (2, 3, 7, 6, 4, 3, 3, 1, 0), 1, _hints(note("forward")))
    _forward(solution, reference, (2, 2, 5, 8, 3, 2, 4, 1, 0), 2, _hints(note("forward")))


def test_forward_batch_of_one_and_single_channels(solution, reference):
    _forward(solution, reference, (1, 1, 5, 6, 1, 3, 2, 1, 0), 3, _hints(note("forward")))
    _forward(solution, reference, (1, 3, 4, 5, 2, 1, 1, 1, 0), 4, _hints(note("forward")))


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (10, (2, 3, 5, 6, 2, 3, 3, 1, 1)),
        (11, (1, 2, 4, 7, 3, 3, 3, 1, (0, 2))),
        (12, (2, 1, 6, 5, 2, 3, 2, 1, (2, 1))),
    ],
)
def test_forward_zero_padding(solution, reference, seed, case):
    _forward(solution, reference, case, seed, _hints(note("padding")))


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
    _forward(solution, reference, case, seed, _hints(note("stride"), "stride"))


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
    _, _, h, w, _, kh, kw, stride, padding = case
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    assert (h + 2 * ph - kh) % sh or (w + 2 * pw - kw) % sw, "this case must round down"
    _forward(solution, reference, case, seed, note("size"))


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (34, (2, 2, 4, 5, 3, 2, 2, 1, 3)),
        (35, (1, 2, 5, 4, 2, 1, 1, 2, (2, 1))),
        (36, (2, 1, 3, 4, 2, 2, 3, (3, 1), (2, 4))),
    ],
)
def test_forward_padding_larger_than_kernel(solution, reference, seed, case):
    _forward(solution, reference, case, seed, _hints(note("padding")))


@pytest.mark.parametrize(
    ("seed", "case"),
    [
        (37, (2, 2, 9, 8, 3, 2, 2, 3, 0)),
        (38, (1, 3, 7, 10, 2, 1, 1, (2, 3), 0)),
        (39, (2, 2, 8, 7, 2, 2, 1, (3, 4), (1, 2))),
    ],
)
def test_forward_stride_larger_than_kernel(solution, reference, seed, case):
    _forward(solution, reference, case, seed, _hints(note("stride"), "stride"))


def test_forward_kernel_as_large_as_padded_input(solution, reference):
    _forward(solution, reference, (2, 2, 3, 4, 2, 5, 4, 1, (1, 0)), 40, note("size"))
    _forward(solution, reference, (1, 2, 2, 3, 3, 3, 3, 1, 1), 41, _hints(note("padding")))
    _forward(solution, reference, (2, 1, 4, 4, 2, 4, 4, 2, 0), 42, note("size"))


def test_forward_integer_valued_inputs(solution, reference):
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
        hint=_hints(note("forward")),
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
        hint=note("backward"),
    )


def test_backward_uses_its_own_cache(solution, reference):
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
        hint=note("backward_uses_its_own_cache"),
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
    n, c, h, w, c_out, kh, kw, stride, padding = case
    x, wt, b = _data(seed, n, c, h, w, c_out, kh, kw)
    check_gradient_numerically(
        solution,
        "conv2d_forward",
        "conv2d_backward",
        {"x": x, "w": wt, "b": b},
        kwargs={"stride": stride, "padding": padding},
        seed=seed,
        hint=note("backward"),
    )


def test_input_not_4d_is_a_value_error(solution):
    w, b = np.ones((2, 3, 3, 3)), np.zeros(2)
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((3, 5, 5)),
        w,
        b,
        because=note("no_batch_axis", shape=(3, 5, 5)),
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 1, 3, 5, 5)),
        w,
        b,
        because=note("five_d", shape=(2, 1, 3, 5, 5)),
    )


def test_channel_mismatch_is_a_value_error(solution):
    b = np.zeros(2)
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 3, 5, 5)),
        np.ones((2, 1, 3, 3)),
        b,
        because=note("channels_would_broadcast"),
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((1, 3, 5, 5)),
        np.ones((2, 2, 3, 3)),
        b,
        because=note("channels_mismatch"),
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((1, 3, 5, 5)),
        np.ones((3, 3, 3)),
        np.zeros(3),
        because=note("weight_not_4d"),
    )


def test_bias_shape_is_a_value_error(solution):
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 3, 5, 5)),
        np.ones((2, 3, 3, 3)),
        np.zeros(1),
        because=note("bias_size"),
    )


def test_kernel_larger_than_padded_input_is_a_value_error(solution):
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((1, 1, 3, 5)),
        np.ones((1, 1, 4, 3)),
        np.zeros(1),
        because=note("kernel_too_tall"),
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((2, 2, 4, 3)),
        np.ones((1, 2, 3, 6)),
        np.zeros(1),
        padding=1,
        because=note("kernel_too_wide_padded"),
    )
    expect_value_error(
        solution,
        "conv2d_forward",
        np.ones((1, 2, 4, 3)),
        np.ones((1, 2, 7, 3)),
        np.zeros(1),
        stride=2,
        padding=(1, 0),
        because=note("kernel_too_tall_padded"),
    )


@pytest.mark.parametrize(
    "cases",
    [
        [
            ({"stride": (1, -1)}, "negative_stride_w"),
            ({"stride": -2}, "negative_stride"),
            ({"padding": (0, -1)}, "negative_padding"),
        ],
        [
            ({"stride": 0}, "zero_stride"),
            ({"stride": (2, 0)}, "zero_stride_w"),
        ],
        [
            ({"stride": 1.5}, "stride_not_int"),
            ({"stride": (1, 2, 1)}, "stride_pair_of_three"),
            ({"padding": (1,)}, "padding_pair_of_one"),
        ],
    ],
    ids=["<0", "=0", "shape"],
)
def test_bad_stride_or_padding_is_a_value_error(solution, cases):
    for kwargs, because in cases:  # because: the key of a note
        expect_value_error(
            solution,
            "conv2d_forward",
            np.ones((1, 2, 6, 7)),
            np.ones((2, 2, 3, 3)),
            np.zeros(2),
            because=note(because),
            **kwargs,
        )


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    x, wt, b = _data(90, 2, 3, 5, 5, 2, 3, 3)
    _, cache = solution.conv2d_forward(x, wt, b, padding=1)
    expect_value_error(
        solution,
        "conv2d_backward",
        np.ones((2, 1, 5, 5)),
        cache,
        because=note("dout_shape", out=(2, 2, 5, 5), dout=(2, 1, 5, 5)),
    )
