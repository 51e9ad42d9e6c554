# wrong(quantize): returns the codes as a float64 array (right values), not int64
from __future__ import annotations

import numpy as np
from correct_vectorised import choose_qparams, dequantize  # noqa: F401


def quantize(x, scale, zero_point, *, qmin=0, qmax=255):
    if qmin >= qmax or scale <= 0 or not qmin <= zero_point <= qmax:
        raise ValueError("invalid quantization parameters")
    return np.clip(np.round(np.asarray(x, dtype=np.float64) / scale + zero_point), qmin, qmax)
