# wrong(choose_qparams): symmetric scheme: scale from max(|lo|, |hi|), the middle code as zero point
from __future__ import annotations

import numpy as np
from correct_vectorised import EPS, dequantize, quantize  # noqa: F401


def choose_qparams(x, *, qmin=0, qmax=255):
    if qmin >= qmax or qmin > 0 or qmax < 0:
        raise ValueError("bad range of codes")
    x = np.asarray(x, dtype=np.float64)
    bound = max(abs(float(x.min())), abs(float(x.max())))
    scale = max(2 * bound / (qmax - qmin), EPS)
    return float(scale), (qmin + qmax + 1) // 2
