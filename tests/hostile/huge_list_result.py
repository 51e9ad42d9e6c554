# expect(failed): returns `out` as a Python list of millions of floats instead of an array
# says: returned something that cannot be sent to the grader: more than 1000000 values
# options: --kata-timeout 10
from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    return [0.5] * 3_000_000, (x, w)
