"""Window geometry for the katas that slide a window over an image (the poolings; convolutions
share the arithmetic): case tables that expose output-size, padding and stride mistakes, and the
error rules of `kernel_size`, `stride` and `padding` as PyTorch's pooling states them.

Each table row is `(seed, x's shape, keyword arguments)`; `window_cases` turns rows into pytest
parameters with readable ids. The PyTorch cross-checks of the poolings prove what each table
claims (ROUNDS_DOWN really rounds down, every INVALID case is refused by torch too).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from dlkata.i18n import N_, _

Row = tuple[int, tuple[int, ...], dict[str, Any]]

# The stride does not divide H + 2p - K along at least one axis, and ceil_mode=True would keep
# one more window there: a solution that rounds up, or pads the last window, fails.
ROUNDS_DOWN: list[Row] = [
    (10, (1, 2, 7, 9), {"kernel_size": 2}),
    (11, (2, 1, 8, 7), {"kernel_size": 3, "stride": 2}),
    (12, (1, 1, 10, 6), {"kernel_size": (3, 2), "stride": (3, 4)}),
    (13, (2, 2, 7, 6), {"kernel_size": 3, "stride": 2, "padding": 1}),
]
# The kernel is larger than the input but fits the padded input: valid, as in PyTorch.
FITS_PADDED: list[Row] = [
    (14, (2, 1, 3, 3), {"kernel_size": 4, "stride": 1, "padding": 2}),
    (15, (1, 2, 3, 2), {"kernel_size": (4, 3), "stride": (1, 2), "padding": (1, 1)}),
    (16, (1, 1, 2, 5), {"kernel_size": 3, "padding": 1}),
]
# A stride larger than the kernel leaves cells out of every window; a 1x1 kernel among them.
STRIDE_OVER_KERNEL: list[Row] = [
    (17, (2, 2, 8, 9), {"kernel_size": 2, "stride": 3}),
    (18, (1, 2, 7, 11), {"kernel_size": (2, 3), "stride": (3, 4), "padding": 1}),
    (19, (2, 1, 5, 6), {"kernel_size": 1, "stride": 2}),
]
# Two window geometries whose outputs have the same shape, as pytest parameters (x's shape, the
# first pass's keywords, the second's): `check_backward(..., other_kwargs=...)` runs both, so a
# backward that reads the latest forward's geometry fails even where it ignores the input values.
OTHER_WINDOWS_SAME_OUTPUT = [
    pytest.param(
        (2, 2, 6, 6), {"kernel_size": 2}, {"stride": 3, "padding": 1},
        id="kernel_size=2 | stride=3, padding=1",
    ),
    pytest.param(
        (1, 3, 5, 7), {"kernel_size": (3, 2), "stride": 1, "padding": (1, 0)},
        {"kernel_size": (1, 2), "padding": 0},
        id="kernel_size=(3, 2), padding=(1, 0) | kernel_size=(1, 2), padding=0",
    ),
]  # fmt: skip
# (x's shape, keyword arguments, the rule) for a 2-D pooling: each has a case that NumPy alone
# would accept (a 3-D input pools over the last two axes, a third tuple entry is ignored ...).
# The rules are English here, marked for translation; `invalid_cases` gives them in the learner's
# language (the judge chooses it before it collects the hidden tests).
INVALID_POOLING: list[tuple[tuple[int, ...], dict[str, Any], str]] = [
    ((2, 6, 6), {"kernel_size": 2}, N_("x must be 4-D: a (C, H, W) input is not accepted")),
    ((6, 6), {"kernel_size": 2}, N_("x must be 4-D: a (H, W) input is not accepted")),
    ((1, 1, 6, 6), {"kernel_size": (2, 2, 2)}, N_("kernel_size must be an int or a pair")),
    ((1, 1, 6, 6), {"kernel_size": 2, "stride": (1, 1, 1)}, N_("stride must be an int or a pair")),
    (
        (1, 1, 6, 6),
        {"kernel_size": 3, "padding": (1, 1, 1)},
        N_("padding must be an int or a pair"),
    ),
    ((1, 1, 6, 6), {"kernel_size": 0, "stride": 1}, N_("kernel_size must be positive")),
    ((1, 1, 6, 6), {"kernel_size": (3, -1), "stride": 1}, N_("kernel_size must be positive")),
    ((1, 1, 6, 6), {"kernel_size": 2, "stride": 0}, N_("stride must be positive")),
    ((1, 1, 6, 6), {"kernel_size": 2, "stride": (2, 0)}, N_("stride must be positive")),
    ((1, 1, 3, 5), {"kernel_size": 3, "stride": (-1, 1)}, N_("stride must be positive")),
    ((1, 1, 6, 6), {"kernel_size": 3, "padding": -1}, N_("padding must not be negative")),
    ((1, 1, 6, 6), {"kernel_size": 2, "padding": 2}, N_("padding 2 is more than half of kernel 2")),
    (
        (1, 1, 6, 6),
        {"kernel_size": 3, "stride": 1, "padding": 2},
        N_("padding 2 > half of kernel 3"),
    ),
    ((1, 1, 6, 6), {"kernel_size": (4, 2), "padding": (1, 2)}, N_("pad_w = 2 > half of KW = 2")),
    ((1, 2, 5, 4), {"kernel_size": 6}, N_("a 6x6 kernel does not fit a 5x4 input")),
    (
        (2, 1, 5, 4),
        {"kernel_size": (2, 7), "padding": (0, 1)},
        N_("a 7-column kernel does not fit 4 columns padded by 1 on each side"),
    ),
    ((1, 1, 4, 4), {"kernel_size": 6, "stride": 2}, N_("a 6x6 kernel does not fit a 4x4 input")),
]


def label(shape: tuple[int, ...], kwargs: dict[str, Any]) -> str:
    """A readable test id: `x 1x2x7x9, kernel_size=3, stride=2`."""
    size = "x".join(str(d) for d in shape)
    return ", ".join([f"x {size}"] + [f"{k}={v}" for k, v in kwargs.items()])


def window_cases(*rows: Row) -> list[Any]:
    """Rows `(seed, shape, kwargs)` as pytest parameters with readable ids."""
    return [pytest.param(seed, shape, kw, id=label(shape, kw)) for seed, shape, kw in rows]


def invalid_cases(
    rows: list[tuple[tuple[int, ...], dict[str, Any], str]],
) -> list[Any]:
    """Rows `(shape, kwargs, because)` as pytest parameters with readable ids, `because` (a text
    marked with `N_`) in the current language."""
    return [
        pytest.param(shape, kwargs, _(because), id=label(shape, kwargs))
        for shape, kwargs, because in rows
    ]


def normal_input(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)
