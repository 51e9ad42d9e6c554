"""Hidden tests for the `max_pool2d` kata."""

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

FWD = "max_pool2d_forward"
BWD = "max_pool2d_backward"


def _integers(seed: int, shape: tuple[int, ...], high: int = 3) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, high, size=shape).astype(np.float64)


def _negative(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return -np.random.default_rng(seed).uniform(0.5, 4.0, size=shape)


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
    _forward(solution, reference, sample(2, (1, 2, 9, 6)), note("stride_default"), kernel_size=3)
    _forward(
        solution, reference, sample(3, (2, 1, 6, 8)), note("stride_default"), kernel_size=(3, 2)
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
    _forward(solution, reference, _negative(seed, shape), _hints(note("padding")), **kwargs)


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*FITS_PADDED))
def test_forward_kernel_fits_only_the_padded_input(solution, reference, seed, shape, kwargs):
    _forward(solution, reference, _negative(seed, shape), _hints(note("fits_padded")), **kwargs)


def test_forward_integer_inputs_with_ties(solution, reference):
    _forward(
        solution, reference, _integers(40, (2, 2, 6, 8)), _hints(note("forward")), kernel_size=2
    )
    _forward(
        solution, reference, _integers(41, (1, 3, 7, 7)), _hints(note("forward")),
        kernel_size=3, stride=2, padding=1,
    )  # fmt: skip


def test_forward_minus_infinity_inputs(solution, reference):
    x = _integers(42, (2, 2, 5, 6))
    x[x < 2] = -np.inf
    _forward(solution, reference, x, _hints(note("padding")), kernel_size=3, stride=2, padding=1)


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
    _backward(solution, reference, sample(seed, shape), seed, note("backward"), **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (60, (2, 2, 6, 8), {"kernel_size": 2}),
        (61, (1, 3, 6, 9), {"kernel_size": 3}),
        (62, (2, 1, 6, 6), {"kernel_size": (2, 3), "stride": (2, 3)}),
    ),
)
def test_backward_ties_go_to_the_first_maximum(solution, reference, seed, shape, kwargs):
    _backward(solution, reference, _integers(seed, shape), seed, note("ties"), **kwargs)


def test_backward_constant_input(solution, reference):
    _backward(solution, reference, np.full((1, 2, 4, 6), 1.5), 65, note("ties"), kernel_size=2)


@pytest.mark.parametrize("value", [0.0, -2.5])
def test_backward_constant_input_with_padding(solution, reference, value):
    x = np.full((2, 1, 5, 4), value)
    _backward(
        solution, reference, x, 66, note("padding_never_wins"), kernel_size=3, stride=2, padding=1,
    )  # fmt: skip


def test_backward_windows_of_minus_infinity(solution, reference):
    x = _integers(67, (2, 2, 6, 7))
    x[x < 2] = -np.inf
    _backward(
        solution, reference, x, 67, note("padding_never_wins"), kernel_size=(3, 2), stride=1,
        padding=1,
    )  # fmt: skip
    x = np.full((1, 2, 4, 4), -np.inf)
    _backward(solution, reference, x, 68, note("padding_never_wins"), kernel_size=4, padding=2)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (70, (2, 2, 6, 7), {"kernel_size": 3, "stride": 1}),
        (71, (1, 2, 7, 7), {"kernel_size": 3, "stride": 2}),
        (72, (2, 1, 5, 8), {"kernel_size": (2, 3), "stride": 1, "padding": (1, 1)}),
    ),
)
def test_backward_overlapping_windows_add_up(solution, reference, seed, shape, kwargs):
    _backward(solution, reference, sample(seed, shape), seed, note("overlap"), **kwargs)


def test_backward_overlapping_windows_with_ties(solution, reference):
    _backward(
        solution, reference, _integers(75, (2, 2, 7, 6)), 75, note("ties"),
        kernel_size=3, stride=1, padding=1,
    )  # fmt: skip


@pytest.mark.parametrize(("seed", "shape", "kwargs"), window_cases(*STRIDE_OVER_KERNEL))
def test_backward_stride_larger_than_the_kernel(solution, reference, seed, shape, kwargs):
    _backward(solution, reference, sample(seed, shape), seed, note("stride_over_kernel"), **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (80, (2, 2, 5, 5), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (81, (1, 1, 6, 7), {"kernel_size": (2, 4), "stride": (2, 1), "padding": (1, 2)}),
        *FITS_PADDED,
    ),
)
def test_backward_with_padding(solution, reference, seed, shape, kwargs):
    _backward(solution, reference, _negative(seed, shape), seed, note("padding"), **kwargs)


@pytest.mark.parametrize(("shape", "kwargs", "other"), OTHER_WINDOWS_SAME_OUTPUT)
def test_backward_uses_its_own_cache(solution, reference, shape, kwargs, other):
    _backward(solution, reference, sample(96, shape), 96, note("cache"), other=other, **kwargs)


@pytest.mark.parametrize(
    ("seed", "shape", "kwargs"),
    window_cases(
        (90, (2, 2, 6, 6), {"kernel_size": 2}),
        (91, (1, 2, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
        (92, (2, 1, 5, 7), {"kernel_size": (2, 3), "stride": 1}),
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
