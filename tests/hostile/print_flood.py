# expect(failed): prints without end in its forward pass (far over the output cap)
# says: printed more than
from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    while True:
        print("y" * 10_000)
