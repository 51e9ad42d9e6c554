# correct: element by element with Python's round (halves to even), min and max
from __future__ import annotations

import numpy as np


def choose_qparams(x, *, qmin=0, qmax=255):
    if not qmin < qmax:
        raise ValueError(f"qmin={qmin} is not below qmax={qmax}")
    if not (qmin <= 0 and qmax >= 0):
        raise ValueError(f"{qmin}..{qmax} has no code for 0")
    lo, hi = 0.0, 0.0
    for v in np.asarray(x, dtype=np.float64).ravel():
        lo, hi = min(lo, float(v)), max(hi, float(v))
    scale = (hi - lo) / (qmax - qmin)
    if scale < 2.0**-23:
        scale = 2.0**-23
    zero_point = qmin - round(lo / scale)
    return scale, max(qmin, min(qmax, zero_point))


def quantize(x, scale, zero_point, *, qmin=0, qmax=255):
    if qmin >= qmax:
        raise ValueError("empty range of codes")
    if scale <= 0:
        raise ValueError("scale must be positive")
    if zero_point < qmin or zero_point > qmax:
        raise ValueError("zero_point outside the codes")
    x = np.asarray(x, dtype=np.float64)
    out = np.empty(x.shape, dtype=np.int64)
    flat = out.reshape(-1)
    for i, v in enumerate(x.ravel()):
        flat[i] = max(qmin, min(qmax, round(float(v) / scale + zero_point)))
    return out


def dequantize(q, scale, zero_point):
    if scale <= 0:
        raise ValueError("scale must be positive")
    q = np.asarray(q)
    out = np.empty(q.shape, dtype=np.float64)
    flat = out.reshape(-1)
    for i, code in enumerate(q.ravel()):
        flat[i] = (int(code) - zero_point) * scale
    return out
