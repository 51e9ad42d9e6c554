# wrong(quantize): round(x / scale) + zero_point: the zero point added after rounding
from __future__ import annotations

import numpy as np
from correct_vectorised import choose_qparams, dequantize  # noqa: F401


def quantize(x, scale, zero_point, *, qmin=0, qmax=255):
    if qmin >= qmax or scale <= 0 or not qmin <= zero_point <= qmax:
        raise ValueError("invalid quantization parameters")
    codes = np.round(np.asarray(x, dtype=np.float64) / scale) + zero_point
    return np.clip(codes, qmin, qmax).astype(np.int64)
