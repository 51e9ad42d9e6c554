# expect(failed): ends the process with os._exit(7) inside the forward pass
# says: your process exited with code 7 while running `linear_forward`
import os

from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    os._exit(7)
