# expect(failed): sends SIGKILL to the grader (its parent) with os.kill, swallowing the refusal
# says: your solution tried to send a signal to another process
import os
import signal

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    try:
        os.kill(os.getppid(), signal.SIGKILL)
    except PermissionError:
        pass
    return _forward(x, w, b)
