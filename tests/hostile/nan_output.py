# expect(failed): the forward pass returns NaN in one place
# says: contains NaN at index (0, 0)
from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    out, cache = _forward(x, w, b)
    out[0, 0] = float("nan")
    return out, cache
