# expect(failed): draws from the global np.random state (a harmless zero-times-noise term)
# says: drew from the global random state
import numpy as np

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    out, cache = _forward(x, w, b)
    return out + 0.0 * np.random.rand(*out.shape), cache
