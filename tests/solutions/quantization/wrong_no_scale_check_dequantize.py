# wrong(dequantize): no check of the scale: scale = 0 or a negative scale is accepted
from __future__ import annotations

import numpy as np
from correct_vectorised import choose_qparams, quantize  # noqa: F401


def dequantize(q, scale, zero_point):
    return (np.asarray(q, dtype=np.float64) - zero_point) * scale
