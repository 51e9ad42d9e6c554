# expect(failed): the forward pass calls itself without end
# says: `linear_forward` recursed without end
from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    return linear_forward(x, w, b)
