"""Hidden tests for the `bilinear_upsample` kata."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, expect_value_error

HINT_BILINEAR = (
    "Each output value mixes the two nearest input rows and the two nearest input columns with "
    "weights (1 - lam, lam): out = (1 - lam) * x[i0] + lam * x[i1] along each axis. Repeating "
    "values (np.repeat, nearest neighbour) or np.resize (which tiles the flattened data) is "
    "not interpolation."
)
HINT_HALF_PIXEL = (
    "align_corners=False (the default) lines up pixel centres: src = (d + 0.5) / s - 0.5, "
    "clamped below at 0, with i0 = floor(src), i1 = min(i0 + 1, H - 1), lam = src - i0. "
    "src = d / s (no half-pixel offset) and the align_corners=True formula are both wrong here."
)
HINT_ALIGN_CORNERS = (
    "align_corners=True lines up the first and last pixels: src = d * (H - 1) / (H_out - 1) "
    "(0 when H_out == 1), i0 = floor(src), i1 = min(i0 + 1, H - 1), lam = src - i0."
)
HINT_BORDER = (
    "At the top/left border (d + 0.5) / s - 0.5 is negative: PyTorch clamps it to 0, so the first "
    "output rows copy the first input row. Truncating a negative src towards zero leaves a "
    "negative weight (extrapolation)."
)
HINT_SINGLE = (
    "An axis of size 1 has nothing to interpolate: every output equals the single input. With "
    "align_corners=True and H_out == 1, (H - 1) / (H_out - 1) is 0 / 0: take the scale as 0."
)


def _label(shape: tuple[int, ...], scale: int, *rest: bool) -> str:
    label = f"x {'x'.join(str(d) for d in shape)}, scale_factor={scale}"
    return label + (f", align_corners={rest[0]}" if rest else "")


def _cases(*rows):
    """Parametrize rows (seed, shape, scale[, align_corners]) with readable ids."""
    return [pytest.param(*row, id=_label(*row[1:])) for row in rows]


def _normal(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


@pytest.mark.parametrize(
    "align_corners", [False, True], ids=["align_corners=False", "align_corners=True"]
)
def test_scale_one_is_the_identity(solution, reference, align_corners):
    """scale_factor=1 returns the input unchanged, for both align_corners settings."""
    check_call(
        solution, reference, "bilinear_upsample", _normal(1, (2, 3, 4, 5)), 1,
        align_corners=align_corners, hint=HINT_BILINEAR,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "shape", "scale"),
    _cases(
        (10, (1, 1, 2, 2), 2),
        (11, (2, 3, 4, 4), 2),
        (12, (1, 2, 3, 5), 3),
        (13, (2, 1, 5, 3), 4),
    ),
)
def test_default_half_pixel_centres(solution, reference, seed, shape, scale):
    """Default align_corners=False on non-square maps and several scales (argument omitted)."""
    check_call(
        solution, reference, "bilinear_upsample", _normal(seed, shape), scale,
        hint=HINT_HALF_PIXEL,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "shape", "scale"),
    _cases(
        (20, (1, 1, 2, 2), 2),
        (21, (2, 3, 4, 4), 2),
        (22, (1, 2, 3, 5), 3),
        (23, (2, 1, 5, 3), 4),
    ),
)
def test_align_corners_true(solution, reference, seed, shape, scale):
    """align_corners=True on non-square maps and several scales: corners map onto corners."""
    check_call(
        solution, reference, "bilinear_upsample", _normal(seed, shape), scale,
        align_corners=True, hint=HINT_ALIGN_CORNERS,
    )  # fmt: skip


def test_explicit_align_corners_false(solution, reference):
    """align_corners=False passed explicitly, batch of one, on a linear ramp and random data."""
    ramp = (8.0 * np.arange(3)[:, None] + 4.0 * np.arange(4)[None, :])[None, None]
    check_call(
        solution, reference, "bilinear_upsample", ramp, 2, align_corners=False,
        hint=HINT_HALF_PIXEL,
    )  # fmt: skip
    check_call(
        solution, reference, "bilinear_upsample", _normal(30, (1, 2, 4, 6)), 3,
        align_corners=False, hint=HINT_HALF_PIXEL,
    )  # fmt: skip


def test_border_rows_are_clamped(solution, reference):
    """The first output rows and columns (source coordinate below 0) copy the border pixels."""
    x = np.array([[[[1.0, 5.0, -2.0], [3.0, -4.0, 6.0], [0.0, 2.0, 7.0]]]])
    check_call(
        solution, reference, "bilinear_upsample", x, 4, align_corners=False, hint=HINT_BORDER
    )


@pytest.mark.parametrize(
    ("seed", "shape", "scale", "align_corners"),
    _cases(
        (40, (1, 1, 1, 1), 1, True),
        (41, (2, 2, 1, 4), 1, True),
        (42, (1, 2, 5, 1), 1, True),
        (43, (1, 1, 1, 1), 3, True),
        (44, (2, 1, 1, 3), 2, True),
        (45, (1, 2, 4, 1), 3, False),
        (46, (1, 1, 1, 1), 2, False),
    ),
)
def test_single_row_or_column(solution, reference, seed, shape, scale, align_corners):
    """Inputs of height or width 1, including an output of size 1 with align_corners=True."""
    check_call(
        solution, reference, "bilinear_upsample", _normal(seed, shape), scale,
        align_corners=align_corners, hint=HINT_SINGLE,
    )  # fmt: skip


def test_invalid_scale_factor_is_a_value_error(solution):
    """ValueError for a scale factor that is zero, negative or not an integer."""
    x = np.ones((1, 1, 2, 3))
    expect_value_error(
        solution, "bilinear_upsample", x, 0, because="scale_factor must be at least 1"
    )
    expect_value_error(
        solution, "bilinear_upsample", x, -2, because="scale_factor must be at least 1"
    )
    expect_value_error(
        solution, "bilinear_upsample", x, 1.5,
        because="scale_factor must be an integer (1.5 must not be silently truncated)",
    )  # fmt: skip


def test_input_not_4d_is_a_value_error(solution):
    """ValueError when x is not 4-D (N, C, H, W): a single (C, H, W) map, or a 5-D stack."""
    expect_value_error(
        solution,
        "bilinear_upsample",
        np.ones((3, 2, 4)),
        2,
        because="x of shape (3, 2, 4) has no batch axis: x must be (N, C, H, W)",
    )
    expect_value_error(
        solution,
        "bilinear_upsample",
        np.ones((1, 2, 3, 2, 4)),
        2,
        because="x of shape (1, 2, 3, 2, 4) is 5-D: x must be (N, C, H, W)",
    )
