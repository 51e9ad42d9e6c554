"""The `he_init` reference against `torch.nn.init.kaiming_normal_` / `kaiming_uniform_`."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from scipy import stats

from dlkata.judge import check_normal, check_symmetric_uniform
from tests.support import load_reference

ref = load_reference("he_init")

SHAPES = [
    (64, 48),
    (30, 200),
    (1, 500),
    (500, 1),
    (16, 8, 3, 3),
    (8, 3, 5, 5),
    (12, 6, 7),
    (8, 4, 3, 3, 3),  # conv3d
    (6, 10, 2, 3, 4),
]
# The hidden suite's million-value cases (one per mode and distribution).
LARGE_CASES = [
    ((800, 1250), "fan_in", "normal"),
    ((64, 32, 8, 8, 8), "fan_out", "normal"),
    ((96, 40, 6, 6, 6), "fan_in", "uniform"),
    ((256, 64, 8, 8), "fan_out", "uniform"),
]


def torch_sample(shape, mode, distribution, seed=0):
    generator = torch.Generator().manual_seed(seed)
    tensor = torch.empty(shape, dtype=torch.float64)
    init = (
        torch.nn.init.kaiming_normal_
        if distribution == "normal"
        else torch.nn.init.kaiming_uniform_
    )
    init(tensor, mode=mode, nonlinearity="relu", generator=generator)
    return tensor.numpy().ravel()


def torch_fan(shape, mode):
    fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
    return fan_in if mode == "fan_in" else fan_out


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("mode", ["fan_in", "fan_out"])
def test_normal_matches_torch(shape, mode):
    """Same std as PyTorch's formula, and the same distribution as PyTorch's own samples."""
    ours = ref.he_init(shape, mode=mode, distribution="normal", rng=np.random.default_rng(1))
    assert ours.shape == shape and ours.dtype == np.float64
    std = math.sqrt(2.0 / torch_fan(shape, mode))
    gain = torch.nn.init.calculate_gain("relu")
    assert std == pytest.approx(gain / math.sqrt(torch_fan(shape, mode)), rel=1e-12)
    flat = ours.ravel()
    assert stats.kstest(flat, stats.norm(0.0, std).cdf).pvalue > 1e-4
    assert stats.ks_2samp(flat, torch_sample(shape, mode, "normal")).pvalue > 1e-4


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("mode", ["fan_in", "fan_out"])
def test_uniform_matches_torch(shape, mode):
    """Inside PyTorch's bound, filling it, and distributed as PyTorch's own samples."""
    ours = ref.he_init(shape, mode=mode, distribution="uniform", rng=np.random.default_rng(2))
    assert ours.shape == shape and ours.dtype == np.float64
    theirs = torch_sample(shape, mode, "uniform")
    # kaiming_uniform_: bound = gain * sqrt(3 / fan), gain = sqrt(2) for ReLU.
    bound = math.sqrt(2.0) * math.sqrt(3.0 / torch_fan(shape, mode))
    assert np.abs(theirs).max() <= bound
    assert np.abs(ours).max() <= bound
    assert np.abs(ours).max() > 0.95 * bound
    flat = ours.ravel()
    assert stats.kstest(flat, stats.uniform(-bound, 2 * bound).cdf).pvalue > 1e-4
    assert stats.ks_2samp(flat, theirs).pvalue > 1e-4


@pytest.mark.parametrize(("shape", "mode", "distribution"), LARGE_CASES)
def test_torch_and_reference_pass_the_hidden_statistics(shape, mode, distribution):
    """A million of PyTorch's own values, and of the reference's, pass the judge's statistics."""
    fan = torch_fan(shape, mode)
    ours = ref.he_init(shape, mode=mode, distribution=distribution, rng=np.random.default_rng(5))
    for sample in (torch_sample(shape, mode, distribution, seed=5).reshape(shape), ours):
        if distribution == "normal":
            check_normal(sample, math.sqrt(2.0 / fan), what="sample", function="he_init")
        else:
            check_symmetric_uniform(sample, math.sqrt(6.0 / fan), what="sample", function="he_init")


@pytest.mark.parametrize("shape", [(8, 4, 3, 3, 3), (64, 32, 8, 8, 8)])
def test_conv3d_fans_match_torch(shape):
    """A 5-D (conv3d) weight: every kernel axis counts in the receptive field, as PyTorch."""
    fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
    assert (fan_in, fan_out) == (shape[1] * math.prod(shape[2:]), shape[0] * math.prod(shape[2:]))


@pytest.mark.parametrize(
    ("mode", "distribution"),
    [("FAN_IN", "Normal"), ("Fan_Out", "UNIFORM"), ("FAN_OUT", "normal"), ("fan_in", "Uniform")],
)
def test_option_names_ignore_case_as_torch_mode(mode, distribution):
    """PyTorch lowercases mode; the reference does the same for mode and distribution."""
    shape = (30, 200)
    tensor = torch.empty(shape)
    assert torch.nn.init._calculate_correct_fan(tensor, mode) == torch_fan(shape, mode.lower())
    ours = ref.he_init(shape, mode=mode, distribution=distribution, rng=np.random.default_rng(4))
    theirs = torch_sample(shape, mode, distribution.lower())  # torch accepts mode in any case
    assert stats.ks_2samp(ours.ravel(), theirs).pvalue > 1e-4
    fan = torch_fan(shape, mode.lower())
    if distribution.lower() == "normal":
        law = stats.norm(0.0, math.sqrt(2.0 / fan))
    else:
        law = stats.uniform(-math.sqrt(6.0 / fan), 2 * math.sqrt(6.0 / fan))
    assert stats.kstest(ours.ravel(), law.cdf).pvalue > 1e-4


@pytest.mark.parametrize("mode", ["fan_avg", "fan-in", "FAN-OUT", " fan_in"])
def test_unknown_modes_are_refused_by_torch_too(mode):
    """Names that are not fan_in / fan_out in any case: ValueError here and in PyTorch."""
    with pytest.raises(ValueError):
        ref.he_init((4, 3), mode=mode, rng=np.random.default_rng(0))
    with pytest.raises(ValueError):
        torch.nn.init.kaiming_normal_(torch.empty(4, 3), mode=mode)


def test_fans_follow_torch_layout():
    """A conv weight's fans include the receptive field, as `_calculate_fan_in_and_fan_out`."""
    shape = (20, 4, 3, 3)
    ours = ref.he_init(shape, mode="fan_out", rng=np.random.default_rng(3))
    # fan_out = 20 * 9 = 180, not 4 * 9 (TensorFlow's (KH, KW, in, out) reading) nor 20.
    assert torch_fan(shape, "fan_out") == 180
    assert ours.std() == pytest.approx(math.sqrt(2.0 / 180), rel=0.05)


def test_reproducible_and_fresh():
    """The same seed gives the same array; the result is a new float64 array."""
    a = ref.he_init((5, 7), rng=np.random.default_rng(9))
    b = ref.he_init((5, 7), rng=np.random.default_rng(9))
    c = ref.he_init((5, 7), rng=np.random.default_rng(10))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_zero_element_shape_is_a_no_op():
    """A shape with a zero dimension gives an empty array, as PyTorch's no-op (no division by 0)."""
    with np.errstate(all="raise"):
        out = ref.he_init((0, 5), mode="fan_out", rng=np.random.default_rng(0))
    assert out.shape == (0, 5)


@pytest.mark.parametrize(
    ("shape", "kwargs"),
    [
        ((5,), {}),
        ((), {}),
        ((4, 3), {"mode": "fan_avg"}),
        ((4, 3), {"distribution": "truncated_normal"}),
        ((4, -3), {}),
        ((4, -3), {"mode": "fan_out"}),
        ((4, 3), {"distribution": "Gaussian"}),
    ],
)
def test_value_errors(shape, kwargs):
    """Fewer than 2 dimensions, unknown mode or distribution: ValueError (PyTorch raises too)."""
    with pytest.raises(ValueError):
        ref.he_init(shape, rng=np.random.default_rng(0), **kwargs)
    if len(shape) < 2:
        with pytest.raises(ValueError):
            torch.nn.init.kaiming_normal_(torch.empty(shape))
