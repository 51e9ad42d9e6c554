# wrong(choose_qparams): the range is min..max of x, not extended to include 0
from __future__ import annotations

import numpy as np
from correct_vectorised import EPS, dequantize, quantize  # noqa: F401


def choose_qparams(x, *, qmin=0, qmax=255):
    if qmin >= qmax or qmin > 0 or qmax < 0:
        raise ValueError("bad range of codes")
    x = np.asarray(x, dtype=np.float64)
    lo, hi = float(x.min()), float(x.max())
    scale = max((hi - lo) / (qmax - qmin), EPS)
    return scale, int(np.clip(qmin - round(lo / scale), qmin, qmax))
