# wrong(dequantize): computed and returned in float32, as a quantized tensor's dequantize() does
from __future__ import annotations

import numpy as np
from correct_vectorised import choose_qparams, quantize  # noqa: F401


def dequantize(q, scale, zero_point):
    if scale <= 0:
        raise ValueError("scale must be positive")
    return (np.asarray(q) - zero_point).astype(np.float32) * np.float32(scale)
