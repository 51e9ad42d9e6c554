# expect(failed): prints without end in its forward pass (far over the output cap)
# says: `linear_forward` printed more than the 8 MB of output the grader keeps
from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    while True:
        print("y" * 10_000)
