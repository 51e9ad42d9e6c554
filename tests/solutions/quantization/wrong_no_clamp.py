# wrong(quantize): no clamp to [qmin, qmax]: values beyond the range get codes outside it
from __future__ import annotations

import numpy as np
from correct_vectorised import choose_qparams, dequantize  # noqa: F401


def quantize(x, scale, zero_point, *, qmin=0, qmax=255):
    if qmin >= qmax or scale <= 0 or not qmin <= zero_point <= qmax:
        raise ValueError("invalid quantization parameters")
    return np.round(np.asarray(x, dtype=np.float64) / scale + zero_point).astype(np.int64)
