# expect(failed): the forward pass never returns (graded with --timeout 1)
# says: `linear_forward` did not return within 1 s
# options: --timeout 1 --kata-timeout 3
from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    while True:
        pass
