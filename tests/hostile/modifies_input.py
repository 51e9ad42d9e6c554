# expect(failed): zeroes its input x in place after using it
# says: `linear_forward` changed its input `x` in place
from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    out, _ = _forward(x, w, b)
    cache = (x.copy(), w)
    x[...] = 0.0
    return out, cache
