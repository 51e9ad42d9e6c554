# wrong(dequantize): q * scale - zero_point, the zero point subtracted after scaling
from __future__ import annotations

import numpy as np
from correct_vectorised import choose_qparams, quantize  # noqa: F401


def dequantize(q, scale, zero_point):
    if scale <= 0:
        raise ValueError("scale must be positive")
    return np.asarray(q, dtype=np.float64) * scale - zero_point
