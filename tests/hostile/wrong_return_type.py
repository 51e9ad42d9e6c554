# expect(failed): the forward pass returns only `out`, not `(out, cache)`
# says: linear_forward must return a tuple ending with the cache; it returned an array
from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    out, _ = _forward(x, w, b)
    return out
