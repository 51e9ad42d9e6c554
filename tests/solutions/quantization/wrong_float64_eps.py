# wrong(choose_qparams): the floor is float64's eps (2 ** -52), not the observer's float32 eps
from __future__ import annotations

import numpy as np
from correct_vectorised import dequantize, quantize  # noqa: F401


def choose_qparams(x, *, qmin=0, qmax=255):
    if qmin >= qmax or qmin > 0 or qmax < 0:
        raise ValueError("bad range of codes")
    x = np.asarray(x, dtype=np.float64)
    lo, hi = min(float(x.min()), 0.0), max(float(x.max()), 0.0)
    scale = max((hi - lo) / (qmax - qmin), np.finfo(np.float64).eps)
    return float(scale), int(min(max(qmin - round(lo / scale), qmin), qmax))
