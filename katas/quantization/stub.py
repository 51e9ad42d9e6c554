"""Kata `quantization`: per-tensor affine 8-bit quantization, as PyTorch does it.

Choose a scale and a zero point from the range of a tensor (as `MinMaxObserver`), map real values
to integer codes (as `torch.quantize_per_tensor(...).int_repr()`) and back (as
`Tensor.dequantize`). Compute in float64; never modify an input in place.
"""

from __future__ import annotations

import numpy as np


def choose_qparams(x: np.ndarray, *, qmin: int = 0, qmax: int = 255) -> tuple[float, int]:
    """The quantization parameters of `x` for the integer codes `qmin..qmax`.

    As `torch.ao.quantization.MinMaxObserver(qscheme=torch.per_tensor_affine, quant_min=qmin,
    quant_max=qmax)` after observing `x`: the range is extended to include 0,
    `lo = min(x.min(), 0)` and `hi = max(x.max(), 0)`; then
    `scale = max((hi - lo) / (qmax - qmin), eps)` with `eps = np.finfo(np.float32).eps`
    (`2 ** -23`, the observer's floor, which an all-zero `x` hits), and
    `zero_point = qmin - round(lo / scale)`, rounding halves to even, clamped to `[qmin, qmax]`.

    Args:
        x: the values to observe, any shape.
        qmin, qmax: the integer codes, `qmin < qmax` and `qmin <= 0 <= qmax`: `0, 255` is
            unsigned 8-bit (the default), `-128, 127` signed 8-bit, `0, 15` four bits...

    Returns:
        `(scale, zero_point)`: a Python `float` and a Python `int` (not NumPy scalars).

    Raises:
        ValueError: `qmin >= qmax`, or a range `qmin..qmax` that does not include 0.
    """
    raise NotImplementedError


def quantize(
    x: np.ndarray, scale: float, zero_point: int, *, qmin: int = 0, qmax: int = 255
) -> np.ndarray:
    """Integer codes of `x`, as `torch.quantize_per_tensor(x, scale, zero_point, dtype).int_repr()`.

    `q = clamp(round_half_to_even(x / scale + zero_point), qmin, qmax)`. The zero point is added
    before rounding: that differs from `round(x / scale) + zero_point` at exact ties with an odd
    zero point (`x / scale = 0.5` with `zero_point = 3` gives 4).

    Args:
        x: real values, any shape (float64).
        scale: the step between two codes, `> 0`.
        zero_point: the code of the real value 0, in `[qmin, qmax]`.
        qmin, qmax: the smallest and largest code, `qmin < qmax`.

    Returns:
        An `int64` array of `x`'s shape.

    Raises:
        ValueError: `qmin >= qmax`, `scale <= 0`, or `zero_point` outside `[qmin, qmax]`.
    """
    raise NotImplementedError


def dequantize(q: np.ndarray, scale: float, zero_point: int) -> np.ndarray:
    """The real values the codes `q` stand for: `(q - zero_point) * scale`, as a float64 array of
    `q`'s shape (`Tensor.dequantize`, in float64).

    Args:
        q: integer codes (an int64 array, as `quantize` returns), any shape.
        scale: the step between two codes, `> 0`.
        zero_point: the code of the real value 0.

    Raises:
        ValueError: `scale <= 0`.
    """
    raise NotImplementedError
