# wrong(choose_qparams): zero_point = -round(lo / scale), qmin forgotten: outside a signed range
from __future__ import annotations

import numpy as np
from correct_vectorised import EPS, dequantize, quantize  # noqa: F401


def choose_qparams(x, *, qmin=0, qmax=255):
    if qmin >= qmax or qmin > 0 or qmax < 0:
        raise ValueError("bad range of codes")
    x = np.asarray(x, dtype=np.float64)
    lo, hi = min(float(x.min()), 0.0), max(float(x.max()), 0.0)
    scale = max((hi - lo) / (qmax - qmin), EPS)
    return scale, -round(lo / scale)
