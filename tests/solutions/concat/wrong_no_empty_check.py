# wrong(concat_forward): no check for an empty list: xs[0] raises IndexError, not ValueError
from __future__ import annotations

import numpy as np
from correct_take import concat_backward  # noqa: F401
from correct_take import concat_forward as _checked


def concat_forward(xs, axis=1):
    ndim = xs[0].ndim  # IndexError for []
    if ndim == 0:
        raise ValueError("0-d arrays cannot be concatenated")
    return _checked(xs, axis)


_ = np
