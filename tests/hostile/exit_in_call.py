# expect(failed): calls sys.exit(0) inside the forward pass
# says: `linear_forward` called sys.exit(0)
import sys

from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    sys.exit(0)
