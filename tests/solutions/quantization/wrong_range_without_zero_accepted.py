# wrong(choose_qparams): accepts codes that do not include 0 (qmin=1, qmax=255)
from __future__ import annotations

import numpy as np
from correct_vectorised import EPS, dequantize, quantize  # noqa: F401


def choose_qparams(x, *, qmin=0, qmax=255):
    if qmin >= qmax:
        raise ValueError("qmin must be below qmax")
    x = np.asarray(x, dtype=np.float64)
    lo, hi = min(float(x.min()), 0.0), max(float(x.max()), 0.0)
    scale = max((hi - lo) / (qmax - qmin), EPS)
    return float(scale), int(min(max(qmin - round(lo / scale), qmin), qmax))
