# wrong(linear_forward): the output passes through np.squeeze, so out_features = 1 gives shape (N,)
from __future__ import annotations

import numpy as np
from correct_einsum import linear_backward  # noqa: F401
from correct_einsum import linear_forward as _checked_forward


def linear_forward(x, w, b):
    out, cache = _checked_forward(x, w, b)
    return np.squeeze(out, axis=1) if out.shape[1] == 1 else out, cache
