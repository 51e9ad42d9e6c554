"""The `quantization` reference against PyTorch: `torch.ao.quantization.MinMaxObserver` for the
scale and zero point, `torch.quantize_per_tensor(...).int_repr()` for the codes,
`Tensor.dequantize` for the way back, and `torch.fake_quantize_per_tensor_affine` for ranges that
no quantized dtype has (4 bits...).

Torch computes in float32 (the observer's buffers, the kernel's `1.0f / scale`): the data are
float32 values, the scale is compared to 1e-6 relative, and the zero point and the codes exactly,
on data where float32 and float64 cannot round differently (clear of ties, or exact ties built
from powers of two)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.ao.quantization import MinMaxObserver

from tests.support import load_reference

ref = load_reference("quantization")

# torch 2.13 announces the end of quantized tensors; they still compute what the contract names
pytestmark = pytest.mark.filterwarnings("ignore:.*quantize_per_tensor.*:UserWarning")
EPS = float(np.finfo(np.float32).eps)
RANGES = [(0, 255), (-128, 127), (0, 15), (-8, 7), (-3, 12), (-1, 1), (0, 1)]


def observer(qmin: int, qmax: int) -> MinMaxObserver:
    dtype = torch.qint8 if qmin < 0 else torch.quint8
    return MinMaxObserver(
        dtype=dtype,
        qscheme=torch.per_tensor_affine,
        quant_min=qmin,
        quant_max=qmax,
        reduce_range=False,
    )


def torch_qparams(x: np.ndarray, qmin: int, qmax: int) -> tuple[float, int]:
    obs = observer(qmin, qmax)
    obs(torch.from_numpy(x.astype(np.float32)))
    scale, zero_point = obs.calculate_qparams()
    return float(scale.item()), int(zero_point.item())


def clear_of_ties(x: np.ndarray, qmin: int, qmax: int) -> bool:
    lo, hi = min(x.min(), 0.0), max(x.max(), 0.0)
    t = abs(lo / max((hi - lo) / (qmax - qmin), EPS))
    return abs(t - np.floor(t) - 0.5) > 1e-3


def float32_data(seed: int, shape, kind: str, qmin: int, qmax: int) -> np.ndarray:
    for s in range(seed, seed + 1000):
        rng = np.random.default_rng(s)
        low, high = {
            "normal": (None, None),
            "positive": (0.5, 3.0),
            "negative": (-0.2, -0.01),
            "wide": (-40.0, 3.0),
        }[kind]
        if low is None:
            x = rng.normal(0.3, 1.5, size=shape)
        else:
            x = rng.uniform(low, high, size=shape)
        x = x.astype(np.float32).astype(np.float64)
        if clear_of_ties(x, qmin, qmax):
            return x
    raise AssertionError("no data clear of ties")


@pytest.mark.parametrize(("qmin", "qmax"), RANGES)
@pytest.mark.parametrize("kind", ["normal", "positive", "negative", "wide"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_qparams_match_min_max_observer(qmin, qmax, kind, seed):
    x = float32_data(seed * 7 + qmax, (4, 6), kind, qmin, qmax)
    original = x.copy()
    scale, zero_point = ref.choose_qparams(x, qmin=qmin, qmax=qmax)
    t_scale, t_zero_point = torch_qparams(x, qmin, qmax)
    assert type(scale) is float and type(zero_point) is int
    assert scale == pytest.approx(t_scale, rel=1e-6)
    assert zero_point == t_zero_point
    np.testing.assert_array_equal(x, original)


@pytest.mark.parametrize(("qmin", "qmax"), [r for r in RANGES if r[1] - r[0] >= 4])
@pytest.mark.parametrize("half", [-0.5, -1.5, -2.5, -3.5])
def test_zero_point_half_to_even_as_torch(qmin, qmax, half):
    scale = 2.0**-4
    x = np.array([half * scale, 0.3 * scale, (half + qmax - qmin) * scale])
    assert ref.choose_qparams(x, qmin=qmin, qmax=qmax) == torch_qparams(x, qmin, qmax)


@pytest.mark.parametrize(("qmin", "qmax"), RANGES)
def test_eps_floor_as_torch(qmin, qmax):
    for x in (np.zeros(5), np.array([2.0**-30, -(2.0**-31)]), np.array([-(2.0**-19), 2.0**-20])):
        scale, zero_point = ref.choose_qparams(x, qmin=qmin, qmax=qmax)
        t_scale, t_zero_point = torch_qparams(x, qmin, qmax)
        assert scale == pytest.approx(t_scale, rel=1e-6)
        assert zero_point == t_zero_point
    assert ref.choose_qparams(np.zeros(3), qmin=qmin, qmax=qmax) == (EPS, qmin)


def torch_codes(x: np.ndarray, scale: float, zero_point: int, qmin: int) -> np.ndarray:
    dtype = torch.qint8 if qmin < 0 else torch.quint8
    q = torch.quantize_per_tensor(torch.from_numpy(x.astype(np.float32)), scale, zero_point, dtype)
    return q.int_repr().numpy().astype(np.int64), q.dequantize().numpy()


@pytest.mark.parametrize(("qmin", "qmax"), [(0, 255), (-128, 127)])
@pytest.mark.parametrize("kind", ["normal", "positive", "negative", "wide"])
def test_codes_match_quantize_per_tensor(qmin, qmax, kind):
    x = float32_data(3, (5, 7), kind, qmin, qmax)
    scale, zero_point = ref.choose_qparams(x, qmin=qmin, qmax=qmax)
    # values beyond the observed range too, to be clamped
    x = np.concatenate([x.ravel(), x.ravel()[:6] * 3.0, [1e4, -1e4, 0.0]])
    x = x.astype(np.float32).astype(np.float64)
    codes = ref.quantize(x, scale, zero_point, qmin=qmin, qmax=qmax)
    t_codes, t_values = torch_codes(x, scale, zero_point, qmin)
    # float32 (torch) and float64 can round a value within 1e-4 of a half-integer differently
    v = x / scale + zero_point
    clear = np.abs(v - np.floor(v) - 0.5) > 1e-4
    assert clear.mean() > 0.95
    np.testing.assert_array_equal(codes[clear], t_codes[clear])
    assert codes.dtype == np.int64 and codes.shape == x.shape
    values = ref.dequantize(codes, scale, zero_point)
    assert values.dtype == np.float64
    np.testing.assert_allclose(values[clear], t_values[clear], rtol=1e-6, atol=1e-6 * scale)


@pytest.mark.parametrize(
    ("zero_point", "qmin", "qmax"), [(3, 0, 255), (4, 0, 255), (0, -128, 127), (-1, -128, 127)]
)
def test_ties_as_torch(zero_point, qmin, qmax):
    """x / scale a half-integer: torch adds the zero point before rounding, halves to even."""
    x = np.array([-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5]) * 0.25
    codes = ref.quantize(x, 0.25, zero_point, qmin=qmin, qmax=qmax)
    t_codes, _ = torch_codes(x, 0.25, zero_point, qmin)
    np.testing.assert_array_equal(codes, t_codes)
    assert ref.quantize(np.array([0.125]), 0.25, 3).tolist() == [4]  # the contract's example


@pytest.mark.parametrize(("qmin", "qmax"), [(0, 15), (-8, 7), (-3, 12), (-1, 1)])
def test_other_ranges_match_fake_quantize(qmin, qmax):
    """Ranges no quantized dtype has: `fake_quantize_per_tensor_affine` (which rounds before
    adding the zero point, so it is compared off ties) gives `dequantize(quantize(x))`."""
    x = float32_data(11, (6, 6), "normal", qmin, qmax)
    scale, zero_point = ref.choose_qparams(x, qmin=qmin, qmax=qmax)
    x = np.concatenate([x.ravel(), x.ravel()[:5] * 4.0])
    v = x / scale
    clear = np.abs(v - np.floor(v) - 0.5) > 1e-4
    fq = torch.fake_quantize_per_tensor_affine(
        torch.from_numpy(x.astype(np.float32)), scale, zero_point, qmin, qmax
    ).numpy()
    back = ref.dequantize(
        ref.quantize(x, scale, zero_point, qmin=qmin, qmax=qmax), scale, zero_point
    )
    np.testing.assert_allclose(back[clear], fq[clear], rtol=1e-6, atol=1e-6 * scale)


def test_errors_as_torch():
    x = np.array([-1.0, 2.0])
    for qmin, qmax in ((0, 0), (1, 255), (-10, -1)):
        with pytest.raises(ValueError):
            ref.choose_qparams(x, qmin=qmin, qmax=qmax)
        with pytest.raises(AssertionError):  # the observer refuses these ranges
            observer(qmin, qmax)
    for zero_point, qmin in ((256, 0), (-1, 0), (128, -128)):
        with pytest.raises(ValueError):
            ref.quantize(x, 0.1, zero_point, qmin=qmin, qmax=qmin + 255)
        with pytest.raises(RuntimeError):  # quantize_per_tensor refuses these zero points
            torch_codes(x, 0.1, zero_point, qmin)
    # torch.quantize_per_tensor does not check the scale; the contract does
    for scale in (0.0, -0.5):
        with pytest.raises(ValueError):
            ref.quantize(x, scale, 3)
        with pytest.raises(ValueError):
            ref.dequantize(np.array([1, 2]), scale, 3)
    with pytest.raises(ValueError):
        ref.quantize(x, 0.1, 5, qmin=5, qmax=5)
