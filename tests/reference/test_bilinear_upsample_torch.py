"""Cross-check of reference/bilinear_upsample.py against F.interpolate(mode="bilinear")."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.support import load_reference

ref = load_reference("bilinear_upsample")

SHAPES = [(1, 1, 1, 1), (1, 1, 1, 4), (2, 3, 4, 4), (1, 2, 3, 5), (3, 1, 5, 2), (2, 2, 6, 1)]


def _torch_upsample(x: np.ndarray, scale_factor: int, align_corners: bool) -> np.ndarray:
    xt = torch.tensor(x, dtype=torch.float64)
    out = F.interpolate(xt, scale_factor=scale_factor, mode="bilinear", align_corners=align_corners)
    return out.numpy()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("scale_factor", [1, 2, 3, 4])
@pytest.mark.parametrize("align_corners", [False, True])
def test_matches_torch(shape, scale_factor, align_corners) -> None:
    x = np.random.default_rng(sum(shape) + scale_factor).standard_normal(shape)
    x_copy = x.copy()
    out = ref.bilinear_upsample(x, scale_factor, align_corners=align_corners)
    expected = _torch_upsample(x, scale_factor, align_corners)
    np.testing.assert_array_equal(x, x_copy)
    assert out.dtype == np.float64
    assert out.shape == expected.shape
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-14)


def test_default_is_align_corners_false() -> None:
    x = np.random.default_rng(0).standard_normal((1, 2, 3, 4))
    np.testing.assert_allclose(
        ref.bilinear_upsample(x, 2), _torch_upsample(x, 2, False), rtol=1e-12, atol=1e-14
    )


def test_scale_one_is_the_identity() -> None:
    x = np.random.default_rng(1).standard_normal((2, 3, 4, 5))
    for align_corners in (False, True):
        np.testing.assert_array_equal(ref.bilinear_upsample(x, 1, align_corners=align_corners), x)


def test_numpy_integer_scale_factor_is_accepted() -> None:
    x = np.random.default_rng(2).standard_normal((1, 1, 3, 3))
    np.testing.assert_allclose(
        ref.bilinear_upsample(x, np.int64(3)), _torch_upsample(x, 3, False), rtol=1e-12
    )


@pytest.mark.parametrize("scale_factor", [0, -2, 1.5, 2.0, True])
def test_invalid_scale_factor_raises_value_error(scale_factor) -> None:
    with pytest.raises(ValueError):
        ref.bilinear_upsample(np.zeros((1, 1, 2, 2)), scale_factor)


def test_input_that_is_not_4d_raises_value_error() -> None:
    with pytest.raises(ValueError):
        ref.bilinear_upsample(np.zeros((3, 2, 2)), 2)
    with pytest.raises(ValueError):
        ref.bilinear_upsample(np.zeros((1, 2, 3, 2, 2)), 2)
