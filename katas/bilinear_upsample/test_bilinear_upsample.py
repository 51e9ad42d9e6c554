"""Hidden tests for the `bilinear_upsample` kata."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, expect_value_error, note


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
    check_call(
        solution, reference, "bilinear_upsample", _normal(1, (2, 3, 4, 5)), 1,
        align_corners=align_corners, hint=note("bilinear"),
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
    check_call(
        solution, reference, "bilinear_upsample", _normal(seed, shape), scale,
        hint=note("half_pixel"),
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
    check_call(
        solution, reference, "bilinear_upsample", _normal(seed, shape), scale,
        align_corners=True, hint=note("align_corners"),
    )  # fmt: skip


def test_explicit_align_corners_false(solution, reference):
    ramp = (8.0 * np.arange(3)[:, None] + 4.0 * np.arange(4)[None, :])[None, None]
    check_call(
        solution, reference, "bilinear_upsample", ramp, 2, align_corners=False,
        hint=note("half_pixel"),
    )  # fmt: skip
    check_call(
        solution, reference, "bilinear_upsample", _normal(30, (1, 2, 4, 6)), 3,
        align_corners=False, hint=note("half_pixel"),
    )  # fmt: skip


def test_border_rows_are_clamped(solution, reference):
    x = np.array([[[[1.0, 5.0, -2.0], [3.0, -4.0, 6.0], [0.0, 2.0, 7.0]]]])
    check_call(
        solution, reference, "bilinear_upsample", x, 4, align_corners=False, hint=note("border")
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
    check_call(
        solution, reference, "bilinear_upsample", _normal(seed, shape), scale,
        align_corners=align_corners, hint=note("single"),
    )  # fmt: skip


def test_invalid_scale_factor_is_a_value_error(solution):
    x = np.ones((1, 1, 2, 3))
    expect_value_error(solution, "bilinear_upsample", x, 0, because=note("scale_below_one"))
    expect_value_error(solution, "bilinear_upsample", x, -2, because=note("scale_below_one"))
    expect_value_error(
        solution, "bilinear_upsample", x, 1.5,
        because=note("scale_not_int", scale=1.5),
    )  # fmt: skip


def test_input_not_4d_is_a_value_error(solution):
    expect_value_error(
        solution,
        "bilinear_upsample",
        np.ones((3, 2, 4)),
        2,
        because=note("no_batch_axis", shape=(3, 2, 4)),
    )
    expect_value_error(
        solution,
        "bilinear_upsample",
        np.ones((1, 2, 3, 2, 4)),
        2,
        because=note("five_d", shape=(1, 2, 3, 2, 4)),
    )
