"""Reference solution for the `quantization` kata: per-tensor affine (asymmetric) quantization to
integer codes, as PyTorch's MinMaxObserver, `torch.quantize_per_tensor` and `Tensor.dequantize`."""

from __future__ import annotations

import numpy as np

# the observer's floor for the scale: float32's machine epsilon, 2 ** -23 (all-zero x hits it)
EPS = float(np.finfo(np.float32).eps)


def choose_qparams(x: np.ndarray, *, qmin: int = 0, qmax: int = 255) -> tuple[float, int]:
    """`(scale, zero_point)` for codes `qmin..qmax` from the range of `x`, extended to include 0.

    As `MinMaxObserver(qscheme=torch.per_tensor_affine, quant_min=qmin, quant_max=qmax)`:
    `lo = min(x.min(), 0)`, `hi = max(x.max(), 0)`, `scale = max((hi - lo) / (qmax - qmin), eps)`,
    `zero_point = clamp(qmin - round(lo / scale), qmin, qmax)` with halves rounded to even.
    Returns a Python float and a Python int.

    Raises:
        ValueError: `qmin >= qmax`, or a range `qmin..qmax` that does not include 0.
    """
    if qmin >= qmax:
        raise ValueError(f"qmin={qmin} must be smaller than qmax={qmax}")
    if not qmin <= 0 <= qmax:
        raise ValueError(f"the range {qmin}..{qmax} must include 0 (0.0 must have a code)")
    x = np.asarray(x, dtype=np.float64)
    lo = min(float(x.min()), 0.0)
    hi = max(float(x.max()), 0.0)
    scale = max((hi - lo) / (qmax - qmin), EPS)
    zero_point = qmin - round(lo / scale)  # Python's round: halves to even, as torch.round
    zero_point = min(max(zero_point, qmin), qmax)
    return float(scale), int(zero_point)


def quantize(
    x: np.ndarray, scale: float, zero_point: int, *, qmin: int = 0, qmax: int = 255
) -> np.ndarray:
    """Integer codes `clamp(round_half_to_even(x / scale + zero_point), qmin, qmax)` as int64, as
    `torch.quantize_per_tensor(x, scale, zero_point, dtype).int_repr()`.

    Raises:
        ValueError: `qmin >= qmax`, `scale <= 0`, or `zero_point` outside `[qmin, qmax]`.
    """
    if qmin >= qmax:
        raise ValueError(f"qmin={qmin} must be smaller than qmax={qmax}")
    if not scale > 0:
        raise ValueError(f"scale={scale} must be positive")
    if not qmin <= zero_point <= qmax:
        raise ValueError(f"zero_point={zero_point} lies outside the codes {qmin}..{qmax}")
    x = np.asarray(x, dtype=np.float64)
    # the zero point is added before rounding, as torch's kernel does (np.round: halves to even)
    codes = np.round(x / scale + zero_point)
    return np.clip(codes, qmin, qmax).astype(np.int64)


def dequantize(q: np.ndarray, scale: float, zero_point: int) -> np.ndarray:
    """The real values the codes stand for, `(q - zero_point) * scale`, as float64.

    Raises:
        ValueError: `scale <= 0`.
    """
    if not scale > 0:
        raise ValueError(f"scale={scale} must be positive")
    return (np.asarray(q, dtype=np.float64) - zero_point) * scale
