# expect(failed): returns out transposed, (out_features, N)
# says: expected shape (4, 5), got shape (5, 4)
from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    out, cache = _forward(x, w, b)
    return out.T, cache
